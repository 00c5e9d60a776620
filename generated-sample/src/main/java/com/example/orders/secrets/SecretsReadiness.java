package com.example.orders.secrets;

import com.example.orders.aws.AwsClients;
import com.example.orders.config.ServiceConfig;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * What GET /health says about the secrets: for each, {@code set}, {@code placeholder} (still the value
 * Terraform created, waiting for an operator) or {@code unreadable} (missing, or the function lacks
 * permission to read or decrypt it). It is the check an operator makes after a deployment, and it never
 * shows a value. Reads go through the cache, so health probes do not become Secrets Manager calls.
 */
public final class SecretsReadiness {

    /** What Terraform puts in the secrets that operators must fill in. */
    static final String PLACEHOLDER = "SET-ME";

    private final Secrets secrets;
    private final SecretNames names;

    public SecretsReadiness(Secrets secrets, SecretNames names) {
        this.secrets = secrets;
        this.names = names;
    }

    /** The secrets named in the function's environment, read through Secrets Manager with the cache time given there. */
    public static SecretsReadiness fromEnvironment() {
        SecretNames names = SecretNames.fromEnvironment();
        if (names.arns().isEmpty()) {
            return none();
        }
        ServiceConfig config = ServiceConfig.fromEnvironment();
        Secrets secrets = new CachedSecrets(new SecretsManagerSource(AwsClients.secretsManager(config)), names.cacheTime(),
                Clock.systemUTC());
        return new SecretsReadiness(secrets, names);
    }

    /** For a function that reads no secret: an empty report. */
    public static SecretsReadiness none() {
        return new SecretsReadiness(id -> {
            throw new SecretUnavailableException(id, new IllegalStateException("no secret is configured"));
        }, new SecretNames(Map.of(), SecretNames.DEFAULT_CACHE_TIME));
    }

    public Map<String, String> report() {
        Map<String, String> report = new TreeMap<>();
        names.arns().forEach((role, arn) -> report.put(role, state(arn)));
        return report;
    }

    private String state(String arn) {
        try {
            String value = secrets.get(arn);
            return value == null || value.isEmpty() || value.contains(PLACEHOLDER) ? "placeholder" : "set";
        } catch (SecretUnavailableException e) {
            return "unreadable";
        }
    }
}
