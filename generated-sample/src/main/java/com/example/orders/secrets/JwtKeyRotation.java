package com.example.orders.secrets;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotation of the JWT signing key in the four steps Secrets Manager drives, each of which may be
 * retried and so must be safe to run again:
 * <ol>
 *   <li>createSecret: a new random key as the AWSPENDING version, named by the rotation's token;</li>
 *   <li>setSecret: nothing, since no other service holds the key;</li>
 *   <li>testSecret: the pending key signs and verifies an HMAC-SHA256 token;</li>
 *   <li>finishSecret: AWSCURRENT moves to the new version, and Secrets Manager labels the old one
 *       AWSPREVIOUS.</li>
 * </ol>
 * Verifiers should accept the AWSPREVIOUS key for as long as tokens signed just before a rotation live,
 * plus the functions' secret cache time.
 */
public final class JwtKeyRotation {

    /** Steps Secrets Manager calls, by the name it sends as {@code Step}. */
    public enum Step {
        CREATE_SECRET("createSecret"), SET_SECRET("setSecret"), TEST_SECRET("testSecret"), FINISH_SECRET("finishSecret");

        private final String wireName;

        Step(String wireName) {
            this.wireName = wireName;
        }

        public static Step of(String wireName) {
            for (Step step : values()) {
                if (step.wireName.equals(wireName)) {
                    return step;
                }
            }
            throw new IllegalArgumentException("Unknown rotation step " + wireName);
        }
    }

    /** HMAC-SHA256 keys should be at least as long as the hash: 32 bytes. */
    static final int MIN_KEY_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(JwtKeyRotation.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RotationStore store;
    private final Supplier<String> newKeys;

    public JwtKeyRotation(RotationStore store, Supplier<String> newKeys) {
        this.store = store;
        this.newKeys = newKeys;
    }

    /** 48 random bytes as 64 URL-safe base64 characters: the length and alphabet of the key Terraform creates. */
    public static String randomKey() {
        byte[] key = new byte[48];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    public void run(Step step, String secretId, String token) {
        RotationStore.Versions versions = store.describe(secretId);
        if (!versions.rotationEnabled()) {
            throw new IllegalStateException("Rotation is not enabled on secret " + secretId);
        }
        if (!versions.stagesByVersion().containsKey(token)) {
            throw new IllegalStateException("Secret " + secretId + " has no version " + token + " to rotate to");
        }
        if (versions.stages(token).contains(RotationStore.CURRENT)) {
            LOG.info("The version is already current; nothing to do", entry("step", step), entry("version", token));
            return;
        }
        if (!versions.stages(token).contains(RotationStore.PENDING)) {
            throw new IllegalStateException("Version " + token + " of secret " + secretId + " is not pending rotation");
        }
        switch (step) {
            case CREATE_SECRET -> create(secretId, token);
            case SET_SECRET -> LOG.info("No service holds the JWT key; nothing to set", entry("version", token));
            case TEST_SECRET -> test(secretId, token);
            case FINISH_SECRET -> finish(secretId, token, versions);
        }
    }

    private void create(String secretId, String token) {
        store.value(secretId, null, RotationStore.CURRENT)
                .orElseThrow(() -> new IllegalStateException("Secret " + secretId + " has no current version"));
        if (store.value(secretId, token, RotationStore.PENDING).isPresent()) {
            LOG.info("The new key exists already", entry("version", token));
            return;
        }
        store.put(secretId, token, newKeys.get(), RotationStore.PENDING);
        LOG.info("Created a new JWT signing key", entry("version", token));
    }

    private void test(String secretId, String token) {
        String key = store.value(secretId, token, RotationStore.PENDING)
                .orElseThrow(() -> new IllegalStateException("Version " + token + " has no pending key to test"));
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The pending key is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        byte[] payload = "rotation-test".getBytes(StandardCharsets.UTF_8);
        if (!java.security.MessageDigest.isEqual(sign(bytes, payload), sign(bytes, payload))) {
            throw new IllegalStateException("The pending key does not sign reproducibly");
        }
        LOG.info("The new JWT signing key signs and verifies", entry("version", token));
    }

    private void finish(String secretId, String token, RotationStore.Versions versions) {
        String current = versions.versionWith(RotationStore.CURRENT)
                .orElseThrow(() -> new IllegalStateException("Secret " + secretId + " has no current version"));
        store.moveStage(secretId, RotationStore.CURRENT, token, current);
        LOG.info("The new JWT signing key is current", entry("version", token), entry("previousVersion", current));
    }

    private static byte[] sign(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
