package com.example.orders.secrets;

import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The rotation operations on Secrets Manager through the SDK. */
public final class SecretsManagerRotationStore implements RotationStore {

    private final SecretsManagerClient secretsManager;

    public SecretsManagerRotationStore(SecretsManagerClient secretsManager) {
        this.secretsManager = secretsManager;
    }

    @Override
    public Versions describe(String secretId) {
        DescribeSecretResponse secret = secretsManager.describeSecret(request -> request.secretId(secretId));
        return new Versions(Boolean.TRUE.equals(secret.rotationEnabled()), secret.versionIdsToStages());
    }

    @Override
    public Optional<String> value(String secretId, String versionId, String stage) {
        try {
            return Optional.of(secretsManager.getSecretValue(request -> request
                    .secretId(secretId).versionId(versionId).versionStage(stage)).secretString());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String secretId, String versionId, String value, String stage) {
        secretsManager.putSecretValue(request -> request
                .secretId(secretId).clientRequestToken(versionId).secretString(value).versionStages(stage));
    }

    @Override
    public void moveStage(String secretId, String stage, String toVersionId, String fromVersionId) {
        secretsManager.updateSecretVersionStage(request -> request
                .secretId(secretId).versionStage(stage).moveToVersionId(toVersionId).removeFromVersionId(fromVersionId));
    }
}
