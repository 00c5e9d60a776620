package dev.launchpad.portal.cost.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.launchpad.portal.config.PortalConfig;
import dev.launchpad.portal.cost.Amount;
import dev.launchpad.portal.cost.BudgetReport;
import dev.launchpad.portal.cost.CostRequests;
import dev.launchpad.portal.cost.CostSourceException;
import dev.launchpad.portal.cost.OrgReport;
import dev.launchpad.portal.cost.TeamReport;
import dev.launchpad.portal.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The real Cost Explorer and Budgets clients of SDK 2.40.2 against a stub that speaks their protocol. */
class AwsCostSourceTest {

    @TempDir
    static Path data;
    static CostExplorerStub stub;
    static Database database;
    static CostRequests requests;
    static AwsCostClients clients;
    static AwsCostSource source;

    @BeforeAll
    static void start() {
        stub = new CostExplorerStub();
        database = Database.open(PortalConfig.embedded(0, data));
        requests = new CostRequests(database.jdbc(), Clock.systemUTC());
        clients = new AwsCostClients(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                stub.uri(), requests);
        source = new AwsCostSource(clients, "111122223333");
    }

    @BeforeEach
    void answerAsUsual() {
        stub.answerAsUsual();
        database.jdbc().update("delete from cost_api_requests");
    }

    @AfterAll
    static void stop() {
        clients.close();
        database.close();
        stub.close();
    }

    @Test
    void costIsGroupedByTheServiceAndFeatureTagsAndTheTagKeysAreStripped() {
        TeamReport report = source.team("payments", List.of(), stub.today);

        // group keys come back as launchpad:service$order-service and launchpad:feature$kinesis ("" for no tag)
        assertThat(report.monthly()).extracting(Amount::service).containsOnly("order-service", "billing-api");
        assertThat(report.monthly()).extracting(Amount::feature).containsOnly("", "kinesis");
        double thisMonth = report.monthly().stream().filter(a -> a.start().equals(stub.today.withDayOfMonth(1)))
                .mapToDouble(Amount::usd).sum();
        assertThat(thisMonth).isCloseTo(5.50, within(1e-9));                 // 4.00 + 1.00 + 0.50
        assertThat(report.forecast().usd()).isEqualTo(12.0);
        assertThat(report.daily()).hasSize(60);                               // 30 days × 2 services

        stub.server.verify(stub.sent(CostExplorerStub.CE + "GetCostAndUsage")
                .withRequestBody(matchingJsonPath("$.Filter.Tags.Key", equalTo("launchpad:team")))
                .withRequestBody(matchingJsonPath("$.Filter.Tags.Values[0]", equalTo("payments")))
                .withRequestBody(matchingJsonPath("$.GroupBy[0].Type", equalTo("TAG")))
                .withRequestBody(matchingJsonPath("$.GroupBy[1].Key", equalTo("launchpad:feature")))
                .withRequestBody(matchingJsonPath("$.Metrics[0]", equalTo("UnblendedCost")))
                .withHeader("Authorization", containing("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")));
    }

    @Test
    void everyPageIsReadByItsNextPageToken() {
        TeamReport report = source.team("payments", List.of(), stub.today);

        assertThat(report.monthly()).extracting(Amount::start).containsAll(stub.months());  // 3 months a page
        stub.server.verify(2, stub.sent(CostExplorerStub.CE + "GetCostAndUsage")
                .withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY"))));
        stub.server.verify(1, stub.sent(CostExplorerStub.CE + "GetCostAndUsage")
                .withRequestBody(matchingJsonPath("$.NextPageToken", equalTo("monthly-page-2"))));
    }

    @Test
    void eachRequestIsCountedAsABilledCostExplorerRequest() {
        source.team("payments", List.of(), stub.today);

        // 2 monthly pages + 1 daily + 1 forecast
        assertThat(requests.thisMonth()).containsEntry("ce:GetCostAndUsage", 3L).containsEntry("ce:GetCostForecast", 1L);
        assertThat(requests.costExplorerThisMonth()).isEqualTo(4);
        assertThat(stub.requests()).isEqualTo(4);
    }

    @Test
    void budgetsArePagedAndOnlyTheMonthlyServiceBudgetsAreKept() {
        BudgetReport report = source.budgets(List.of(), stub.today);

        assertThat(report.budgets()).extracting(BudgetReport.Budget::name)
                .containsExactly("order-service-dev-monthly", "order-service-prod-monthly");
        assertThat(report.budgets().get(1)).isEqualTo(new BudgetReport.Budget("order-service-prod-monthly", 100, 40.5, 120.0));
        stub.server.verify(stub.sent(CostExplorerStub.BUDGETS + "DescribeBudgets")
                .withRequestBody(matchingJsonPath("$.AccountId", equalTo("111122223333")))
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("budgets-page-2"))));
        assertThat(requests.thisMonth()).containsEntry("budgets:DescribeBudgets", 2L);
        assertThat(requests.costExplorerThisMonth()).isZero();
    }

    @Test
    void theOrganisationIsGroupedByTeamWithUntaggedCostApart() {
        OrgReport report = source.organisation(List.of(), stub.today);

        assertThat(report.monthly()).extracting(OrgReport.TeamAmount::team).containsOnly("payments", "");
    }

    @Test
    void aRefusalBecomesACostSourceExceptionWithAwsReason() {
        stub.refuseEverything();

        assertThatThrownBy(() -> source.team("payments", List.of(), stub.today))
                .isInstanceOf(CostSourceException.class).hasMessageContaining("not authorized");
        assertThatThrownBy(() -> source.budgets(List.of(), stub.today)).isInstanceOf(CostSourceException.class);
    }

    @Test
    void tooLittleHistoryForAForecastIsNoForecastNotAFailure() {
        stub.server.stubFor(CostExplorerStub.ce("GetCostForecast").willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(400).withHeader("Content-Type", CostExplorerStub.JSON_1_1)
                .withBody("{\"__type\": \"DataUnavailableException\", \"Message\": \"Insufficient amount of historical data\"}")));

        assertThat(source.team("payments", List.of(), stub.today).forecast()).isNull();
    }

}
