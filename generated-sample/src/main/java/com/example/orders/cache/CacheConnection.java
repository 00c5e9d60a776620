package com.example.orders.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one TLS connection of an execution environment to the cache. It is opened on first use rather than
 * at init, so that a SnapStart snapshot never holds a connection that is dead after a restore, and kept
 * afterwards; Lettuce reconnects it when it drops. When it cannot be opened, the next attempt waits
 * {@link #RETRY_AFTER}: an unreachable cache then costs one request a connect timeout now and then, not
 * every request.
 */
public final class CacheConnection implements AutoCloseable {

    /**
     * How long each step may take. Opening is generous because the first connection of an execution
     * environment also loads and initialises the TLS and Netty code; a command is not, since a cache read
     * slower than the table read it saves is not worth waiting for.
     *
     * @param connect   the TCP connection (within one VPC it takes a millisecond when the cache is there)
     * @param handshake TLS handshake and AUTH
     * @param command   each command
     */
    public record Timeouts(Duration connect, Duration handshake, Duration command) {
        public static final Timeouts LAMBDA = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(250));
    }

    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final RedisClient client;
    private final Clock clock;
    private StatefulRedisConnection<String, String> connection;
    private Instant nextAttempt = Instant.MIN;

    private CacheConnection(RedisURI uri, Timeouts timeouts, Clock clock) {
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                // RESP2 keeps the handshake to the plain AUTH <token> that ElastiCache documents for AUTH
                // tokens; the cache stores strings only, so RESP3's richer types would buy nothing.
                .protocolVersion(ProtocolVersion.RESP2)
                .socketOptions(SocketOptions.builder().connectTimeout(timeouts.connect()).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(timeouts.command()))
                // While reconnecting, fail commands at once instead of queueing them until they time out.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.clock = clock;
    }

    /** A connection to {@code config}'s endpoint over TLS (certificate and host name verified), authenticated with {@code authToken}. */
    public static CacheConnection to(CacheConfig config, String authToken) {
        return to(config, authToken, true, Timeouts.LAMBDA, Clock.systemUTC());
    }

    static CacheConnection to(CacheConfig config, String authToken, boolean tls, Timeouts timeouts, Clock clock) {
        RedisURI uri = RedisURI.builder()
                .withHost(config.host())
                .withPort(config.port())
                .withSsl(tls)
                .withPassword(authToken.toCharArray())
                // What opening the connection may take; each command has its own, shorter timeout.
                .withTimeout(timeouts.handshake())
                .build();
        return new CacheConnection(uri, timeouts, clock);
    }

    /** The synchronous commands of the connection, opened first if need be. */
    public synchronized RedisCommands<String, String> commands() {
        if (connection == null) {
            Instant now = clock.instant();
            if (now.isBefore(nextAttempt)) {
                throw new CacheUnavailableException("the cache could not be reached; the next attempt is at " + nextAttempt);
            }
            try {
                connection = client.connect();
            } catch (RuntimeException e) {
                nextAttempt = now.plus(RETRY_AFTER);
                throw e;
            }
        }
        return connection.sync();
    }

    /**
     * Drops the connection after a command went unanswered: a connection that stopped answering does not
     * always close, and Lettuce only reconnects one that did. The next use opens a new one.
     */
    public synchronized void discard() {
        if (connection != null) {
            connection.closeAsync();
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
