package com.example.orders.secrets;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which secrets a function reads and for how long it keeps them, from the environment the Terraform
 * gives it: the ARN of each secret by role. A function without these variables (a test, a local run)
 * reads no secret.
 *
 * @param arns      secret ARN by role: database, api_keys, jwt
 * @param cacheTime {@code SECRETS_CACHE_SECONDS}
 */
public record SecretNames(Map<String, String> arns, Duration cacheTime) {

    public static final String CACHE_SECONDS_VARIABLE = "SECRETS_CACHE_SECONDS";
    static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(300);

    /** The variable that holds the ARN of each role's secret. */
    static final Map<String, String> VARIABLES = Map.of(
            "database", "DATABASE_SECRET_ARN",
            "api_keys", "API_KEYS_SECRET_ARN",
            "jwt", "JWT_SECRET_ARN");

    public SecretNames {
        arns = Map.copyOf(arns);
    }

    public static SecretNames fromEnvironment() {
        return from(System.getenv());
    }

    static SecretNames from(Map<String, String> env) {
        Map<String, String> arns = new LinkedHashMap<>();
        VARIABLES.forEach((role, variable) -> {
            String arn = env.get(variable);
            if (arn != null && !arn.isBlank()) {
                arns.put(role, arn);
            }
        });
        String seconds = env.get(CACHE_SECONDS_VARIABLE);
        try {
            return new SecretNames(arns, seconds == null ? DEFAULT_CACHE_TIME : Duration.ofSeconds(Long.parseLong(seconds.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(CACHE_SECONDS_VARIABLE + " must be a whole number of seconds but is \"" + seconds + "\"");
        }
    }
}
