package dev.launchpad.portal.cost.aws;

import dev.launchpad.blueprint.contract.Tags;
import dev.launchpad.portal.cost.Amount;
import dev.launchpad.portal.cost.BudgetReport;
import dev.launchpad.portal.cost.CostSource;
import dev.launchpad.portal.cost.CostSourceException;
import dev.launchpad.portal.cost.CostedService;
import dev.launchpad.portal.cost.OrgReport;
import dev.launchpad.portal.cost.TeamReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetsResponse;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.Metric;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Cost from Cost Explorer, grouped by the Launchpad tags, and budgets from AWS Budgets, both read in the
 * payer account. Each refresh of a team sends three Cost Explorer requests (more when results span pages):
 * six months by service and feature, 30 days by service, and the forecast of the month.
 */
public final class AwsCostSource implements CostSource {

    static final String METRIC = "UnblendedCost";
    static final int MONTHS = 6;
    static final int DAYS = 30;

    private final AwsCostClients clients;
    private final String accountId;

    public AwsCostSource(AwsCostClients clients, String accountId) {
        this.clients = clients;
        this.accountId = accountId;
    }

    @Override
    public String label() {
        return "AWS Cost Explorer and AWS Budgets";
    }

    @Override
    public boolean demo() {
        return false;
    }

    @Override
    public TeamReport team(String team, List<CostedService> services, LocalDate today) {
        Expression byTeam = Expression.builder().tags(t -> t.key(Tags.TEAM).values(team)).build();
        try {
            List<Amount> monthly = new ArrayList<>();
            for (ResultByTime result : costAndUsage(GetCostAndUsageRequest.builder()
                    .timePeriod(t -> t.start(firstMonth(today).toString()).end(end(today).toString()))
                    .granularity(Granularity.MONTHLY).metrics(METRIC).filter(byTeam)
                    .groupBy(tag(Tags.SERVICE), tag(Tags.FEATURE)).build())) {
                for (Group group : result.groups()) {
                    monthly.add(new Amount(LocalDate.parse(result.timePeriod().start()), tagValue(group.keys(), Tags.SERVICE),
                            tagValue(group.keys(), Tags.FEATURE), usd(group.metrics().get(METRIC)), Boolean.TRUE.equals(result.estimated())));
                }
            }
            List<Amount> daily = new ArrayList<>();
            for (ResultByTime result : costAndUsage(GetCostAndUsageRequest.builder()
                    .timePeriod(t -> t.start(today.minusDays(DAYS).toString()).end(end(today).toString()))
                    .granularity(Granularity.DAILY).metrics(METRIC).filter(byTeam)
                    .groupBy(tag(Tags.SERVICE)).build())) {
                for (Group group : result.groups()) {
                    daily.add(new Amount(LocalDate.parse(result.timePeriod().start()), tagValue(group.keys(), Tags.SERVICE), "",
                            usd(group.metrics().get(METRIC)), Boolean.TRUE.equals(result.estimated())));
                }
            }
            return new TeamReport(team, today, monthly, daily, forecast(byTeam, today));
        } catch (SdkException e) {
            throw new CostSourceException("Cost Explorer did not answer for team " + team + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OrgReport organisation(List<CostedService> services, LocalDate today) {
        try {
            List<OrgReport.TeamAmount> monthly = new ArrayList<>();
            for (ResultByTime result : costAndUsage(GetCostAndUsageRequest.builder()
                    .timePeriod(t -> t.start(firstMonth(today).toString()).end(end(today).toString()))
                    .granularity(Granularity.MONTHLY).metrics(METRIC).groupBy(tag(Tags.TEAM)).build())) {
                for (Group group : result.groups()) {
                    monthly.add(new OrgReport.TeamAmount(LocalDate.parse(result.timePeriod().start()),
                            tagValue(group.keys(), Tags.TEAM), usd(group.metrics().get(METRIC)),
                            Boolean.TRUE.equals(result.estimated())));
                }
            }
            return new OrgReport(today, monthly);
        } catch (SdkException e) {
            throw new CostSourceException("Cost Explorer did not answer for the organisation: " + e.getMessage(), e);
        }
    }

    @Override
    public BudgetReport budgets(List<CostedService> services, LocalDate today) {
        try {
            List<BudgetReport.Budget> found = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                DescribeBudgetsResponse page = clients.budgets()
                        .describeBudgets(b -> b.accountId(accountId).maxResults(100).nextToken(next));
                for (Budget budget : page.budgets()) {
                    if (!budget.budgetName().endsWith("-monthly") || budget.budgetLimit() == null) {
                        continue;
                    }
                    var spend = budget.calculatedSpend();
                    found.add(new BudgetReport.Budget(budget.budgetName(), amount(budget.budgetLimit().amount()),
                            spend == null || spend.actualSpend() == null ? 0 : amount(spend.actualSpend().amount()),
                            spend == null || spend.forecastedSpend() == null ? null : amount(spend.forecastedSpend().amount())));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
            return new BudgetReport(found);
        } catch (SdkException e) {
            throw new CostSourceException("AWS Budgets did not answer: " + e.getMessage(), e);
        }
    }

    /** Every page of a query: Cost Explorer bills each page as a request. */
    private List<ResultByTime> costAndUsage(GetCostAndUsageRequest request) {
        List<ResultByTime> results = new ArrayList<>();
        String token = null;
        do {
            GetCostAndUsageResponse page = clients.costExplorer()
                    .getCostAndUsage(request.toBuilder().nextPageToken(token).build());
            results.addAll(page.resultsByTime());
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return results;
    }

    /** The rest of the month, or null when Cost Explorer has too little history to forecast. */
    private TeamReport.Forecast forecast(Expression filter, LocalDate today) {
        LocalDate end = today.withDayOfMonth(1).plusMonths(1);
        try {
            GetCostForecastResponse forecast = clients.costExplorer().getCostForecast(b -> b
                    .timePeriod(t -> t.start(today.toString()).end(end.toString()))
                    .metric(Metric.UNBLENDED_COST).granularity(Granularity.MONTHLY).filter(filter));
            return forecast.total() == null ? null : new TeamReport.Forecast(today, end, usd(forecast.total()));
        } catch (DataUnavailableException e) {
            return null;
        }
    }

    private static GroupDefinition tag(String key) {
        return GroupDefinition.builder().type(GroupDefinitionType.TAG).key(key).build();
    }

    /** The first day of the month five months back: six months with the current one. */
    static LocalDate firstMonth(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(MONTHS - 1);
    }

    /** Cost Explorer's end dates are exclusive; today's figures are incomplete until tomorrow, so end at today. */
    static LocalDate end(LocalDate today) {
        return today.getDayOfMonth() == 1 ? today.plusDays(1) : today;
    }

    /** Group keys come back as {@code launchpad:service$order-service}; "" means the tag is absent. */
    static String tagValue(List<String> keys, String tag) {
        for (String key : keys) {
            if (key.startsWith(tag + "$")) {
                return key.substring(tag.length() + 1);
            }
        }
        return "";
    }

    private static double usd(MetricValue value) {
        return value == null ? 0 : amount(value.amount());
    }

    private static double amount(java.math.BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }

    private static double amount(String text) {
        return text == null || text.isBlank() ? 0 : Double.parseDouble(text);
    }
}
