package dev.launchpad.portal.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of each target, built on first use and shared: one HTTP client for all, the standard
 * retry strategy (three attempts, backing off longer when throttled), and the configured timeout.
 */
final class AwsClients implements AutoCloseable {

    /** The clients of one target. */
    record Clients(CloudWatchClient cloudWatch, ResourceGroupsTaggingApiClient tagging, SdkAutoCloseable credentials) {
    }

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private SdkHttpClient http;
    private final Map<AwsTarget, Clients> clients = new ConcurrentHashMap<>();

    /** @param credentials who the portal is; with a role in a target, who assumes it */
    AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    /** Built with the first clients, not at start-up, which does not read AWS. */
    private synchronized SdkHttpClient http() {
        if (http == null) {
            Duration timeout = settings.timeout();
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2))
                    .socketTimeout(timeout)
                    .build();
        }
        return http;
    }

    Clients of(AwsTarget target) {
        return clients.computeIfAbsent(target, this::build);
    }

    private Clients build(AwsTarget target) {
        AwsCredentialsProvider who = credentials;
        SdkAutoCloseable closeable = null;
        if (target.roleArn() != null) {
            StsClient sts = configure(StsClient.builder(), target.region(), credentials).build();
            StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .refreshRequest(r -> r.roleArn(target.roleArn()).roleSessionName("launchpad-portal"))
                    .build();
            who = assumed;
            closeable = () -> {
                assumed.close();
                sts.close();
            };
        }
        return new Clients(configure(CloudWatchClient.builder(), target.region(), who).build(),
                configure(ResourceGroupsTaggingApiClient.builder(), target.region(), who).build(), closeable);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region,
                                                                                      AwsCredentialsProvider who) {
        Duration timeout = settings.timeout();
        builder.region(Region.of(region))
                .credentialsProvider(who)
                .httpClient(http())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .apiCallTimeout(timeout)
                        // a hung attempt gives way to a retry within the call's time
                        .apiCallAttemptTimeout(timeout.dividedBy(2))
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    @Override
    public void close() {
        for (Clients c : clients.values()) {
            c.cloudWatch().close();
            c.tagging().close();
            if (c.credentials() != null) {
                c.credentials().close();
            }
        }
        clients.clear();
        synchronized (this) {
            if (http != null) {
                http.close();
            }
        }
    }
}
