package dev.launchpad.portal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}),
 * so that the parameters travel with each hash and can be raised later without breaking old ones.
 * The defaults are OWASP's recommended minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WORDS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /**
     * Hashes at once, one per core: each takes its memory cost (19 MiB) for a few hundred milliseconds, and
     * requests run on virtual threads, so a burst of sign-ins would otherwise all hash together.
     */
    private static final Semaphore HASHING = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private final int memoryKib;
    private final int iterations;

    public Passwords(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    public static Passwords standard() {
        return new Passwords(19 * 1024, 2);
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, 1, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code encoded}; false for any malformed hash. Constant time in the hash. */
    public boolean verify(String password, String encoded) {
        if (encoded == null) {
            return false;
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = argon2(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** A password of 20 characters from an alphabet without look-alikes: about 116 bits. */
    public static String generate() {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(WORDS.charAt(RANDOM.nextInt(WORDS.length())));
        }
        return out.toString();
    }

    /** Null when acceptable, else what is wrong, naming the field. */
    public static String problem(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return field + " must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long";
        }
        return null;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        HASHING.acquireUninterruptibly();
        try {
            return argon2Now(password, salt, memoryKib, iterations, lanes, length);
        } finally {
            HASHING.release();
        }
    }

    private static byte[] argon2Now(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
