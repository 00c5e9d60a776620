package dev.launchpad.portal.cost.aws;

import dev.launchpad.portal.cost.CostRequests;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
 */
public final class AwsCostClients implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SdkHttpClient http;
    private final CostExplorerClient costExplorer;
    private final BudgetsClient budgets;

    /** @param endpoint a stand-in for both APIs (a local stub), or null for AWS */
    public AwsCostClients(AwsCredentialsProvider credentials, URI endpoint, CostRequests requests) {
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(TIMEOUT).build();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                .apiCallTimeout(TIMEOUT.multipliedBy(2))
                .addExecutionInterceptor(new Counting(requests));
        var ce = CostExplorerClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(override.build());
        var b = BudgetsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(override.build());
        if (endpoint != null) {
            ce.endpointOverride(endpoint);
            b.endpointOverride(endpoint);
        }
        this.costExplorer = ce.build();
        this.budgets = b.build();
    }

    public CostExplorerClient costExplorer() {
        return costExplorer;
    }

    public BudgetsClient budgets() {
        return budgets;
    }

    @Override
    public void close() {
        costExplorer.close();
        budgets.close();
        http.close();
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
