package dev.launchpad.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * Starting the web server does not start the JVM's platform MBean server, which Jetty otherwise does to
 * ask one question and which costs about half a second of a start (see {@link WebApp}). Each case runs in
 * a fresh JVM, since anything else in a test JVM may have started it already.
 */
class NoJmxAtStartTest {

    @Test
    void theWebServerStartsWithoutThePlatformMBeanServer() throws Exception {
        assertThat(probe("webapp")).isEqualTo("mbean servers: 0");
    }

    @Test
    void plainJettyWouldStartIt() throws Exception {
        // the case the property avoids: if Jetty stops asking JMX, this fails and the property can go
        assertThat(probe("jetty")).isEqualTo("mbean servers: 1");
    }

    private static String probe(String mode) throws IOException, InterruptedException {
        Path log = Files.createTempFile("no-jmx", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), mode)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        Files.delete(log);
        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().reduce((first, last) -> last).orElse("");
    }

    /** Starts and stops a Jetty server on a free port, then says how many MBean servers exist. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            if (args[0].equals("webapp")) {
                WebApp.warmUp();
            }
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setPort(0);
            server.addConnector(connector);
            server.start();
            server.stop();
            System.out.println("mbean servers: " + MBeanServerFactory.findMBeanServer(null).size());
        }
    }
}
