package com.example.orders.secrets;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets Manager through the SDK: GetSecretValue of the current version, decrypted with the secrets' KMS key. */
public final class SecretsManagerSource implements SecretSource {

    private final SecretsManagerClient secretsManager;

    public SecretsManagerSource(SecretsManagerClient secretsManager) {
        this.secretsManager = secretsManager;
    }

    @Override
    public String read(String secretId) {
        return secretsManager.getSecretValue(request -> request.secretId(secretId)).secretString();
    }
}
