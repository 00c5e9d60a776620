package dev.launchpad.portal.cost.aws;

import dev.launchpad.portal.cost.CostRequests;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/**
 * The Cost Explorer and Budgets clients. Both APIs are served from us-east-1 for the whole payer account.
 * Every request that reaches AWS is counted (retries too), so the portal can show what Cost Explorer costs.
 * The clients are built on first use, by the background refresh: building them is a good part of a
 * second of CPU, which the portal's start need not wait for.
 */
public final class AwsCostClients implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final CostRequests requests;
    private SdkHttpClient http;
    private CostExplorerClient costExplorer;
    private BudgetsClient budgets;

    /** @param endpoint a stand-in for both APIs (a local stub), or null for AWS */
    public AwsCostClients(AwsCredentialsProvider credentials, URI endpoint, CostRequests requests) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.requests = requests;
    }

    public synchronized CostExplorerClient costExplorer() {
        if (costExplorer == null) {
            costExplorer = configure(CostExplorerClient.builder()).build();
        }
        return costExplorer;
    }

    public synchronized BudgetsClient budgets() {
        if (budgets == null) {
            budgets = configure(BudgetsClient.builder()).build();
        }
        return budgets;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        if (http == null) {
            http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(TIMEOUT).build();
        }
        builder.region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .apiCallTimeout(TIMEOUT.multipliedBy(2))
                        .addExecutionInterceptor(new Counting(requests))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    @Override
    public synchronized void close() {
        if (costExplorer != null) {
            costExplorer.close();
        }
        if (budgets != null) {
            budgets.close();
        }
        if (http != null) {
            http.close();
        }
    }

    /** Counts each attempt that was sent, as {@code ce:GetCostAndUsage} or {@code budgets:DescribeBudgets}. */
    private record Counting(CostRequests requests) implements ExecutionInterceptor {

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            String prefix = service != null && service.toLowerCase(java.util.Locale.ROOT).contains("budget")
                    ? "budgets:" : CostRequests.COST_EXPLORER_PREFIX;
            requests.count(prefix + operation);
        }
    }
}
