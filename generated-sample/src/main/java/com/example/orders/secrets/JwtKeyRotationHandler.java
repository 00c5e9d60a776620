package com.example.orders.secrets;

import com.example.orders.aws.AwsClients;
import com.example.orders.config.ServiceConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The rotation function of the JWT signing key. Secrets Manager invokes it once per step with
 * {@code {"Step": ..., "SecretId": ..., "ClientRequestToken": ...}}; a step that throws fails the
 * rotation, which leaves the current key in use.
 */
public final class JwtKeyRotationHandler implements RequestHandler<Map<String, String>, Void> {

    private final JwtKeyRotation rotation;

    /** The constructor Lambda calls, once per execution environment. */
    public JwtKeyRotationHandler() {
        this(new JwtKeyRotation(new SecretsManagerRotationStore(AwsClients.secretsManager(ServiceConfig.fromEnvironment())),
                JwtKeyRotation::randomKey));
    }

    public JwtKeyRotationHandler(JwtKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public Void handleRequest(Map<String, String> event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            rotation.run(JwtKeyRotation.Step.of(required(event, "Step")), required(event, "SecretId"),
                    required(event, "ClientRequestToken"));
            return null;
        });
    }

    private static String required(Map<String, String> event, String field) {
        String value = event.get(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The rotation event has no " + field);
        }
        return value;
    }
}
