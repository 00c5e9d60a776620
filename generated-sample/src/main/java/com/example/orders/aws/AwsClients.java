package com.example.orders.aws;

import com.example.orders.config.ServiceConfig;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.LogErrorContextMissingStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import java.time.Duration;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * AWS clients, built once per execution environment from a handler's no-arg constructor, that is
 * during Lambda's init phase. Region and HTTP client are given rather than discovered, which keeps
 * the SDK from probing for them on a cold start; every call becomes an X-Ray subsegment.
 */
public final class AwsClients {

    /**
     * Without an X-Ray segment (tests, local runs, a function with tracing off) a traced call logs an
     * error and goes ahead instead of failing. AWS_XRAY_CONTEXT_MISSING=IGNORE_ERROR silences it.
     */
    private static final AWSXRayRecorder RECORDER = AWSXRayRecorderBuilder.standard()
            .withContextMissingStrategy(new LogErrorContextMissingStrategy())
            .build();

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(ServiceConfig config) {
        return DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new TracingInterceptor(RECORDER, null, null)))
                .build();
    }

    public static SecretsManagerClient secretsManager(ServiceConfig config) {
        return SecretsManagerClient.builder()
                .region(Region.of(config.region()))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new TracingInterceptor(RECORDER, null, null)))
                .build();
    }

    public static SsmClient ssm(ServiceConfig config) {
        return SsmClient.builder()
                .region(Region.of(config.region()))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new TracingInterceptor(RECORDER, null, null)))
                .build();
    }

    /**
     * The API functions publish after they have stored what happened, while the client waits: a slow
     * stream may cost the request at most this long, retries included, before the event is given up.
     */
    public static KinesisClient kinesis(ServiceConfig config) {
        return KinesisClient.builder()
                .region(Region.of(config.region()))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new TracingInterceptor(RECORDER, null, null))
                        .apiCallTimeout(Duration.ofSeconds(2)))
                .build();
    }
}
