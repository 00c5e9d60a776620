package com.example.orders.cache;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

/** Connections to a cache on a loopback port in plain TCP, as tests make them to a fake server. */
public final class LocalCache {

    public static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:local/cache/auth-token-AbCdEf";

    private LocalCache() {
    }

    public static CacheConnection connection(int port, String authToken) {
        return connection(port, authToken, Clock.systemUTC());
    }

    /**
     * Timeouts for a test JVM: its first connection loads Lettuce, Netty and their codecs cold, which can
     * take seconds on a busy machine. A command still times out in one second, which tests of an
     * unanswered command wait for.
     */
    public static final CacheConnection.Timeouts TIMEOUTS =
            new CacheConnection.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1));

    public static CacheConnection connection(int port, String authToken, Clock clock) {
        return CacheConnection.to(new CacheConfig("127.0.0.1", port, SECRET_ARN, Duration.ofSeconds(300)), authToken, false, TIMEOUTS, clock);
    }

    /** A loopback port that nothing listens on, so that connecting to it is refused at once. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
