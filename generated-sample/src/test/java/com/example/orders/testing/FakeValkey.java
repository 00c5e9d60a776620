package com.example.orders.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of a Valkey server on a loopback port, in plain TCP, to hold a real Lettuce client: the
 * RESP2 request format, AUTH with one token, and GET, SET (its EX seconds kept, not enforced) and DEL.
 * It keeps every command it is sent, so tests can check what went over the wire.
 */
public final class FakeValkey implements AutoCloseable {

    public final List<List<String>> commands = new CopyOnWriteArrayList<>();
    public final Map<String, String> values = new ConcurrentHashMap<>();
    public final Map<String, Long> expirySeconds = new ConcurrentHashMap<>();
    /** While set, commands after AUTH are read but never answered, like a server that hangs. */
    public volatile boolean silent;

    private final String authToken;
    private final ServerSocket server;

    public FakeValkey(String authToken) throws IOException {
        this.authToken = authToken;
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "fake-valkey");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The names of the commands received, in order: AUTH, GET, SET... */
    public List<String> commandNames() {
        return commands.stream().map(command -> command.getFirst().toUpperCase()).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "fake-valkey-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
            boolean authenticated = false;
            List<String> command;
            while ((command = read(in)) != null) {
                commands.add(command);
                String name = command.getFirst().toUpperCase();
                String reply;
                if (name.equals("AUTH")) {
                    authenticated = command.getLast().equals(authToken);
                    reply = authenticated ? "+OK\r\n" : "-WRONGPASS invalid username-password pair\r\n";
                } else if (!authenticated) {
                    reply = "-NOAUTH Authentication required.\r\n";
                } else if (silent) {
                    continue;
                } else {
                    reply = answer(name, command);
                }
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    private String answer(String name, List<String> command) {
        return switch (name) {
            case "GET" -> {
                String value = values.get(command.get(1));
                yield value == null ? "$-1\r\n" : bulk(value);
            }
            case "SET" -> {
                values.put(command.get(1), command.get(2));
                for (int i = 3; i + 1 < command.size(); i++) {
                    if (command.get(i).equalsIgnoreCase("EX")) {
                        expirySeconds.put(command.get(1), Long.parseLong(command.get(i + 1)));
                    }
                }
                yield "+OK\r\n";
            }
            case "DEL" -> ":" + (values.remove(command.get(1)) == null ? 0 : 1) + "\r\n";
            case "PING" -> "+PONG\r\n";
            case "CLIENT" -> "+OK\r\n";
            default -> "-ERR unknown command '" + name + "'\r\n";
        };
    }

    private static String bulk(String value) {
        return "$" + value.getBytes(StandardCharsets.UTF_8).length + "\r\n" + value + "\r\n";
    }

    /** One command: an array of bulk strings. Null at the end of the stream. */
    private static List<String> read(InputStream in) throws IOException {
        String header = line(in);
        if (header == null) {
            return null;
        }
        if (!header.startsWith("*")) {
            throw new IOException("not a RESP array: " + header);
        }
        int count = Integer.parseInt(header.substring(1));
        List<String> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = Integer.parseInt(line(in).substring(1));
            byte[] bytes = in.readNBytes(length);
            in.readNBytes(2);
            parts.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                return line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }
}
