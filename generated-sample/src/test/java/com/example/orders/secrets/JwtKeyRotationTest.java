package com.example.orders.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.orders.secrets.JwtKeyRotation.Step;
import com.example.orders.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtKeyRotationTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:svc/dev/jwt/signing-AbCdEf";
    private static final String OLD_KEY = "initial-key-from-terraform-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String NEW_KEY = "rotated-key-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP";
    private static final String TOKEN = "5f0c6e59-6c1c-4e4f-9a4b-2a0e0c7c1b11";

    private final InMemorySecretsManager secretsManager = new InMemorySecretsManager("v1", OLD_KEY);
    private final JwtKeyRotation rotation = new JwtKeyRotation(secretsManager, () -> NEW_KEY);

    @Test
    void theFourStepsMakeANewKeyCurrentAndKeepTheOldOneAsPrevious() {
        secretsManager.startRotation(TOKEN);

        for (Step step : Step.values()) {
            rotation.run(step, SECRET, TOKEN);
        }

        assertThat(secretsManager.current()).isEqualTo(NEW_KEY);
        assertThat(secretsManager.stages.get(TOKEN)).contains(RotationStore.CURRENT);
        assertThat(secretsManager.stages.get("v1")).containsExactly(RotationStore.PREVIOUS);
    }

    @Test
    void createSecretRunTwiceStoresOneNewVersion() {
        secretsManager.startRotation(TOKEN);

        rotation.run(Step.CREATE_SECRET, SECRET, TOKEN);
        rotation.run(Step.CREATE_SECRET, SECRET, TOKEN);

        assertThat(secretsManager.puts).isEqualTo(1);
        assertThat(secretsManager.current()).as("the old key serves until finishSecret").isEqualTo(OLD_KEY);
    }

    @Test
    void aStepForAVersionAlreadyCurrentDoesNothing() {
        secretsManager.startRotation(TOKEN);
        for (Step step : Step.values()) {
            rotation.run(step, SECRET, TOKEN);
        }

        rotation.run(Step.FINISH_SECRET, SECRET, TOKEN);

        assertThat(secretsManager.current()).isEqualTo(NEW_KEY);
        assertThat(secretsManager.puts).isEqualTo(1);
    }

    @Test
    void testSecretRejectsAKeyTooShortForHmacSha256() {
        JwtKeyRotation weak = new JwtKeyRotation(secretsManager, () -> "short");
        secretsManager.startRotation(TOKEN);
        weak.run(Step.CREATE_SECRET, SECRET, TOKEN);

        assertThatThrownBy(() -> weak.run(Step.TEST_SECRET, SECRET, TOKEN)).hasMessageContaining("shorter than 32 bytes");
        assertThat(secretsManager.current()).isEqualTo(OLD_KEY);
    }

    @Test
    void aSecretWithoutRotationEnabledIsRefused() {
        secretsManager.rotationEnabled = false;
        secretsManager.startRotation(TOKEN);

        assertThatThrownBy(() -> rotation.run(Step.CREATE_SECRET, SECRET, TOKEN)).hasMessageContaining("not enabled");
    }

    @Test
    void aTokenWithoutAVersionOrNotPendingIsRefused() {
        assertThatThrownBy(() -> rotation.run(Step.CREATE_SECRET, SECRET, TOKEN)).hasMessageContaining("no version");

        secretsManager.stages.put(TOKEN, new java.util.ArrayList<>());
        assertThatThrownBy(() -> rotation.run(Step.CREATE_SECRET, SECRET, TOKEN)).hasMessageContaining("not pending");
    }

    @Test
    void randomKeysAre64UrlSafeCharactersAndDiffer() {
        String first = JwtKeyRotation.randomKey();

        assertThat(first).hasSize(64).matches("[A-Za-z0-9_-]+");
        assertThat(JwtKeyRotation.randomKey()).isNotEqualTo(first);
    }

    @Test
    void theHandlerRunsTheStepSecretsManagerSends() {
        secretsManager.startRotation(TOKEN);
        JwtKeyRotationHandler handler = new JwtKeyRotationHandler(rotation);

        for (String step : new String[] {"createSecret", "setSecret", "testSecret", "finishSecret"}) {
            handler.handleRequest(Map.of("Step", step, "SecretId", SECRET, "ClientRequestToken", TOKEN), new TestContext());
        }

        assertThat(secretsManager.current()).isEqualTo(NEW_KEY);
    }

    @Test
    void theHandlerRefusesAnEventWithoutAStepItKnows() {
        JwtKeyRotationHandler handler = new JwtKeyRotationHandler(rotation);

        assertThatThrownBy(() -> handler.handleRequest(Map.of("Step", "rotateEverything", "SecretId", SECRET,
                "ClientRequestToken", TOKEN), new TestContext())).hasMessageContaining("rotateEverything");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("Step", "createSecret"), new TestContext()))
                .hasMessageContaining("SecretId");
    }
}
