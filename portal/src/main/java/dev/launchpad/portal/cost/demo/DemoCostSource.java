package dev.launchpad.portal.cost.demo;

import dev.launchpad.blueprint.contract.StackNames;
import dev.launchpad.portal.cost.Amount;
import dev.launchpad.portal.cost.BudgetReport;
import dev.launchpad.portal.cost.CostSource;
import dev.launchpad.portal.cost.CostedService;
import dev.launchpad.portal.cost.OrgReport;
import dev.launchpad.portal.cost.TeamReport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Invented cost figures for the services in the catalog, clearly labelled as demo data: the same service
 * on the same day always costs the same, weekends are quieter, and each service grows a little month by
 * month. It calls nothing and bills nothing.
 */
public final class DemoCostSource implements CostSource {

    static final int MONTHS = 6;
    static final int DAYS = 30;

    /** How much of a service's cost each feature takes, relatively; the core (no feature tag) takes 3. */
    private static final Map<String, Double> WEIGHTS = Map.ofEntries(
            Map.entry("", 3.0), Map.entry("monitoring", 1.0), Map.entry("budgets", 0.05), Map.entry("waf", 1.2),
            Map.entry("kinesis", 4.0), Map.entry("dynamodb-streams", 0.5), Map.entry("redis", 3.0),
            Map.entry("provisioned-concurrency", 5.0), Map.entry("secrets", 0.2), Map.entry("parameters", 0.01),
            Map.entry("vpc-endpoints", 1.0), Map.entry("dynamodb-autoscaling", 0.5));

    @Override
    public String label() {
        return "demo data";
    }

    @Override
    public boolean demo() {
        return true;
    }

    @Override
    public TeamReport team(String team, List<CostedService> services, LocalDate today) {
        List<Amount> monthly = new ArrayList<>();
        List<Amount> daily = new ArrayList<>();
        LocalDate first = today.withDayOfMonth(1).minusMonths(MONTHS - 1);
        for (CostedService service : services) {
            for (String feature : features(service)) {
                for (LocalDate month = first; !month.isAfter(today); month = month.plusMonths(1)) {
                    double usd = 0;
                    for (LocalDate d = month; d.isBefore(month.plusMonths(1)) && d.isBefore(today); d = d.plusDays(1)) {
                        usd += daily(service, feature, d);
                    }
                    if (usd > 0) {
                        monthly.add(new Amount(month, service.name(), feature, round(usd), month.getMonth() == today.getMonth()));
                    }
                }
            }
            for (LocalDate d = today.minusDays(DAYS); d.isBefore(today); d = d.plusDays(1)) {
                double usd = 0;
                for (String feature : features(service)) {
                    usd += daily(service, feature, d);
                }
                daily.add(new Amount(d, service.name(), "", round(usd), true));
            }
        }
        LocalDate end = today.withDayOfMonth(1).plusMonths(1);
        double rest = 0;
        for (CostedService service : services) {
            for (String feature : features(service)) {
                for (LocalDate d = today; d.isBefore(end); d = d.plusDays(1)) {
                    rest += daily(service, feature, d);
                }
            }
        }
        return new TeamReport(team, today, monthly, daily, services.isEmpty() ? null : new TeamReport.Forecast(today, end, round(rest)));
    }

    @Override
    public OrgReport organisation(List<CostedService> services, LocalDate today) {
        Map<String, Map<LocalDate, Double>> byTeam = new TreeMap<>();
        LocalDate first = today.withDayOfMonth(1).minusMonths(MONTHS - 1);
        for (CostedService service : services) {
            for (String feature : features(service)) {
                for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
                    byTeam.computeIfAbsent(service.team(), t -> new TreeMap<>())
                            .merge(d.withDayOfMonth(1), daily(service, feature, d), Double::sum);
                }
            }
        }
        List<OrgReport.TeamAmount> monthly = new ArrayList<>();
        byTeam.forEach((team, months) -> months.forEach((month, usd) ->
                monthly.add(new OrgReport.TeamAmount(month, team, round(usd), month.getMonth() == today.getMonth()))));
        return new OrgReport(today, monthly);
    }

    @Override
    public BudgetReport budgets(List<CostedService> services, LocalDate today) {
        List<BudgetReport.Budget> budgets = new ArrayList<>();
        LocalDate first = today.withDayOfMonth(1);
        int daysInMonth = today.lengthOfMonth();
        for (CostedService service : services) {
            if (service.budgetLimitUsd() == null) {
                continue;
            }
            for (String environment : service.environments()) {
                double share = share(service, environment);
                double actual = 0;
                for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
                    for (String feature : features(service)) {
                        actual += daily(service, feature, d) * share;
                    }
                }
                int elapsed = Math.max(1, today.getDayOfMonth() - 1);
                budgets.add(new BudgetReport.Budget(new StackNames(service.name(), environment).budget(),
                        service.budgetLimitUsd(), round(actual), round(actual / elapsed * daysInMonth)));
            }
        }
        return new BudgetReport(budgets);
    }

    /** The feature tags a service's cost shows under: "" for the core, then each feature but the always-on one. */
    static List<String> features(CostedService service) {
        List<String> features = new ArrayList<>();
        features.add("");
        service.features().stream().filter(f -> !f.equals("core") && WEIGHTS.containsKey(f)).forEach(features::add);
        return features;
    }

    /** A day's cost of one feature of a service, the same for the same service, feature and day. */
    static double daily(CostedService service, String feature, LocalDate day) {
        int seed = Math.floorMod((service.name() + "/" + feature).hashCode(), 1000);
        double monthlyBase = 15 + (Math.floorMod(service.name().hashCode(), 1000) / 1000.0) * 45;
        double weight = WEIGHTS.getOrDefault(feature, 0.5);
        double monthsFromEpoch = ChronoUnit.DAYS.between(LocalDate.of(2026, 1, 1), day) / 30.44;
        double growth = 1 + 0.04 * monthsFromEpoch;
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        double wobble = 1 + 0.12 * Math.sin(seed + day.toEpochDay() * 0.9);
        return Math.max(0, monthlyBase * weight / 30.44 * growth * (weekend ? 0.8 : 1) * wobble);
    }

    /** Production carries most of the traffic; the other environments split the rest. */
    static double share(CostedService service, String environment) {
        int n = service.environments().size();
        if (n == 1) {
            return 1;
        }
        boolean hasProd = service.environments().contains("prod");
        if (!hasProd) {
            return 1.0 / n;
        }
        return environment.equals("prod") ? 0.7 : 0.3 / (n - 1);
    }

    private static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
