package com.example.orders.cache;

import com.example.orders.config.ServiceConfig;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The cache's AUTH token, read from Secrets Manager once per execution environment, at init. */
public final class CacheAuthToken {

    private CacheAuthToken() {
    }

    /** Reads the token with a client that lives only for this one call: nothing else reads the secret. */
    public static String read(ServiceConfig service, CacheConfig cache) {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .region(Region.of(service.region()))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return read(secrets, cache.authSecretArn());
        }
    }

    static String read(SecretsManagerClient secrets, String secretArn) {
        String token = secrets.getSecretValue(request -> request.secretId(secretArn)).secretString();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("the secret " + secretArn + " holds no AUTH token");
        }
        return token;
    }
}
