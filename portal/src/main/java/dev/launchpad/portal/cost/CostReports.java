package dev.launchpad.portal.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.contract.StackNames;
import dev.launchpad.blueprint.cost.Assumptions;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.catalog.Service;
import dev.launchpad.portal.cost.CostView.BudgetView;
import dev.launchpad.portal.cost.CostView.Chart;
import dev.launchpad.portal.cost.CostView.EstimateView;
import dev.launchpad.portal.cost.CostView.FeatureEstimate;
import dev.launchpad.portal.cost.CostView.Freshness;
import dev.launchpad.portal.cost.CostView.MonthTable;
import dev.launchpad.portal.cost.CostView.Mover;
import dev.launchpad.portal.cost.CostView.Requests;
import dev.launchpad.portal.cost.CostView.Row;
import dev.launchpad.portal.cost.CostView.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the cost pages from what the background refresh stored: never from a cost source, so a page view
 * costs nothing however often it is opened.
 */
public final class CostReports {

    public static final String CORE_LABEL = "Core (no feature tag)";
    public static final String UNTAGGED = "(untagged)";

    private final CostCache cache;
    private final CostCatalog catalog;
    private final CostEstimates estimates;
    private final CostRequests requests;
    private final CostSource source;
    private final Estimator estimator;
    private final FeatureCatalog features;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxAge;

    public CostReports(CostCache cache, CostCatalog catalog, CostEstimates estimates, CostRequests requests,
                       CostSource source, Estimator estimator, ObjectMapper json, Clock clock, Duration maxAge) {
        this.cache = cache;
        this.catalog = catalog;
        this.estimates = estimates;
        this.requests = requests;
        this.source = source;
        this.estimator = estimator;
        this.features = estimator.blueprint().catalog();
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public String sourceLabel() {
        return source.label();
    }

    public boolean demo() {
        return source.demo();
    }

    public OrgCostView organisation() {
        LocalDate today = today();
        List<LocalDate> months = months(today);
        Optional<CostCache.Entry> entry = cache.get(CostRefresher.ORGANISATION);
        OrgReport report = payload(entry, OrgReport.class).orElse(new OrgReport(today, List.of()));
        Map<String, Map<LocalDate, Double>> byTeam = new TreeMap<>();
        for (var team : catalog.teams()) {
            byTeam.put(team.id(), new TreeMap<>());
        }
        double untagged = 0;
        for (OrgReport.TeamAmount a : report.monthly()) {
            if (a.team().isEmpty()) {
                untagged += a.start().equals(months.getLast()) ? a.usd() : 0;
                continue;
            }
            byTeam.computeIfAbsent(a.team(), t -> new TreeMap<>()).merge(a.start(), a.usd(), Double::sum);
        }
        MonthTable table = table(months, byTeam, team -> catalog.teamName(team).orElse(team), team -> "/cost/teams/" + team);
        Double forecast = null;
        double forecastSum = 0;
        boolean anyForecast = false;
        for (String team : byTeam.keySet()) {
            Optional<TeamReport> teamReport = payload(cache.get(CostRefresher.TEAM + team), TeamReport.class);
            if (teamReport.isPresent() && teamReport.get().forecast() != null) {
                anyForecast = true;
                forecastSum += teamReport.get().forecast().usd() + monthTotal(teamReport.get().monthly(), months.getLast());
            }
        }
        if (anyForecast) {
            forecast = forecastSum;
        }
        // complete months only: the month to date would look like a fall
        List<Series> series = new ArrayList<>();
        for (Row row : table.rows()) {
            series.add(new Series(row.label(), row.values().subList(0, months.size() - 1)));
        }
        Chart trend = new Chart("Monthly cost by team, complete months",
                months.subList(0, months.size() - 1).stream().map(CostReports::epoch).toList(), series);
        return new OrgCostView(freshness(entry), months.getLast().toString().substring(0, 7),
                table.totals().getLast(), table.totals().get(table.totals().size() - 2), forecast, round(untagged), table,
                trend, requests());
    }

    public Optional<TeamCostView> team(String team) {
        List<Service> published = catalog.published(team);
        Optional<String> name = catalog.teamName(team);
        if (published.isEmpty() && name.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = today();
        List<LocalDate> months = months(today);
        Optional<CostCache.Entry> entry = cache.get(CostRefresher.TEAM + team);
        TeamReport report = payload(entry, TeamReport.class).orElse(new TeamReport(team, today, List.of(), List.of(), null));

        Map<String, Map<LocalDate, Double>> byService = new TreeMap<>();
        published.forEach(s -> byService.put(s.name(), new TreeMap<>()));
        Map<String, Map<LocalDate, Double>> byFeature = new LinkedHashMap<>();
        for (Amount a : report.monthly()) {
            byService.computeIfAbsent(a.service(), s -> new TreeMap<>()).merge(a.start(), a.usd(), Double::sum);
            byFeature.computeIfAbsent(a.feature(), f -> new TreeMap<>()).merge(a.start(), a.usd(), Double::sum);
        }
        Set<String> known = new LinkedHashSet<>(published.stream().map(Service::name).toList());
        MonthTable services = table(months, byService, s -> s.isEmpty() ? UNTAGGED : s,
                s -> known.contains(s) ? "/cost/services/" + s : null);
        MonthTable featureTable = table(months, ordered(byFeature), this::featureTitle, f -> null);

        double mtd = monthTotal(report.monthly(), months.getLast());
        double lastMonth = monthTotal(report.monthly(), months.get(months.size() - 2));
        Double forecast = report.forecast() == null ? null : mtd + report.forecast().usd();

        BudgetReport budgets = payload(cache.get(CostRefresher.BUDGETS), BudgetReport.class).orElse(new BudgetReport(List.of()));
        List<TeamCostView.ServiceLine> lines = new ArrayList<>();
        for (Service service : published) {
            List<Amount> own = report.monthly().stream().filter(a -> a.service().equals(service.name())).toList();
            double serviceMtd = monthTotal(own, months.getLast());
            lines.add(new TeamCostView.ServiceLine(service.name(), "/cost/services/" + service.name(), serviceMtd,
                    monthTotal(own, months.get(months.size() - 2)), projected(serviceMtd, today),
                    budgets(service, budgets), estimate(service)));
        }
        return Optional.of(new TeamCostView(team, name.orElse(team), freshness(entry), months.getLast().toString().substring(0, 7),
                mtd, forecast, lastMonth, services, featureTable, trend(report, today), movers(report, today), lines, requests()));
    }

    public Optional<ServiceCostView> service(String name) {
        Optional<Service> found = catalog.service(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Service service = found.get();
        LocalDate today = today();
        List<LocalDate> months = months(today);
        Optional<CostCache.Entry> entry = cache.get(CostRefresher.TEAM + service.team());
        TeamReport report = payload(entry, TeamReport.class).orElse(new TeamReport(service.team(), today, List.of(), List.of(), null));
        List<Amount> own = report.monthly().stream().filter(a -> a.service().equals(name)).toList();
        Map<String, Map<LocalDate, Double>> byFeature = new LinkedHashMap<>();
        own.forEach(a -> byFeature.computeIfAbsent(a.feature(), f -> new TreeMap<>()).merge(a.start(), a.usd(), Double::sum));
        MonthTable featureTable = table(months, ordered(byFeature), this::featureTitle, f -> null);
        double mtd = monthTotal(own, months.getLast());
        double last = monthTotal(own, months.get(months.size() - 2));

        EstimateView estimate = estimate(service);
        Map<String, ServiceCostView.Comparison> comparison = new LinkedHashMap<>();
        for (FeatureEstimate f : estimate.features()) {
            String tag = f.feature().equals("core") ? "" : f.feature();
            comparison.put(tag, new ServiceCostView.Comparison(tag, featureTitle(tag), f.allEnvironmentsUsd(),
                    monthTotal(own, months.get(months.size() - 2), tag), projected(monthTotal(own, months.getLast(), tag), today)));
        }
        for (String tag : byFeature.keySet()) {
            comparison.computeIfAbsent(tag, t -> new ServiceCostView.Comparison(t, featureTitle(t), null,
                    monthTotal(own, months.get(months.size() - 2), t), projected(monthTotal(own, months.getLast(), t), today)));
        }
        BudgetReport budgets = payload(cache.get(CostRefresher.BUDGETS), BudgetReport.class).orElse(new BudgetReport(List.of()));
        return Optional.of(new ServiceCostView(name, service.team(), freshness(entry), months.getLast().toString().substring(0, 7),
                mtd, last, projected(mtd, today), featureTable, budgets(service, budgets), estimate,
                List.copyOf(comparison.values()), requests()));
    }

    /** The budgets of a service with the budgets feature, one per environment, as AWS reports them. */
    private List<BudgetView> budgets(Service service, BudgetReport report) {
        if (!service.features().contains("budgets")) {
            return List.of();
        }
        List<BudgetView> views = new ArrayList<>();
        for (String environment : catalog.costed(service).environments()) {
            String budgetName = new StackNames(service.name(), environment).budget();
            Optional<BudgetReport.Budget> budget = report.budgets().stream().filter(b -> b.name().equals(budgetName)).findFirst();
            views.add(budget.map(b -> new BudgetView(environment, budgetName, true, b.limitUsd(), b.actualUsd(), b.forecastUsd()))
                    .orElse(new BudgetView(environment, budgetName, false, null, null, null)));
        }
        return views;
    }

    /** The estimate stored at publishing, or one made now with the default assumptions. */
    EstimateView estimate(Service service) {
        Optional<CostEstimates.Stored> stored = estimates.of(service);
        if (stored.isPresent()) {
            CostEstimates.Stored s = stored.get();
            return view(true, s.createdAt(), s.estimate());
        }
        if (estimator.blueprint().validate(service.specJson()) instanceof Validation.Valid valid) {
            var now = estimator.blueprint().costs().estimate(valid.spec(), Assumptions.DEFAULTS);
            return view(false, null, EstimateJson.of(now));
        }
        return new EstimateView(false, null, null, 0, 0, 0, Map.of(), List.of());
    }

    @SuppressWarnings("unchecked")
    private static EstimateView view(boolean stored, java.time.Instant at, Map<String, Object> estimate) {
        List<?> envs = (List<?>) estimate.getOrDefault("environments", List.of());
        int environments = Math.max(1, envs.size());
        List<FeatureEstimate> features = new ArrayList<>();
        for (Map<String, Object> f : EstimateJson.features(estimate)) {
            double perEnv = number(f.get("monthlyUsd"));
            features.add(new FeatureEstimate((String) f.get("id"), (String) f.get("title"), perEnv, perEnv * environments));
        }
        return new EstimateView(stored, at, (String) estimate.get("pricesAsOf"), environments,
                number(estimate.get("perEnvironmentUsd")), number(estimate.get("allEnvironmentsUsd")),
                (Map<String, Object>) estimate.getOrDefault("assumptions", Map.of()), features);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : value == null ? 0 : Double.parseDouble(value.toString());
    }

    private Chart trend(TeamReport report, LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today.minusDays(30); d.isBefore(today); d = d.plusDays(1)) {
            days.add(d);
        }
        Map<String, Map<LocalDate, Double>> byService = new TreeMap<>();
        for (Amount a : report.daily()) {
            byService.computeIfAbsent(a.service().isEmpty() ? UNTAGGED : a.service(), s -> new TreeMap<>())
                    .merge(a.start(), a.usd(), Double::sum);
        }
        List<Series> series = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        days.forEach(d -> total.add(0.0));
        byService.forEach((service, values) -> {
            List<Double> line = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                double v = round(values.getOrDefault(days.get(i), 0.0));
                line.add(v);
                total.set(i, round(total.get(i) + v));
            }
            series.add(new Series(service, line));
        });
        if (series.size() > 1) {
            series.addFirst(new Series("All services", total));
        }
        return new Chart("Daily cost, last 30 days", days.stream().map(CostReports::epoch).toList(), series);
    }

    /** Services whose last seven days cost most differently from the seven days before. */
    private static List<Mover> movers(TeamReport report, LocalDate today) {
        Map<String, double[]> weeks = new TreeMap<>();
        for (Amount a : report.daily()) {
            long ago = java.time.temporal.ChronoUnit.DAYS.between(a.start(), today);
            if (ago >= 1 && ago <= 14) {
                weeks.computeIfAbsent(a.service().isEmpty() ? UNTAGGED : a.service(), s -> new double[2])[ago <= 7 ? 1 : 0] += a.usd();
            }
        }
        return weeks.entrySet().stream()
                .map(e -> {
                    double before = round(e.getValue()[0]);
                    double after = round(e.getValue()[1]);
                    double change = round(after - before);
                    return new Mover(e.getKey(), before, after, change, before > 0 ? Math.round(change / before * 1000) / 10.0 : null);
                })
                .filter(m -> m.changeUsd() != 0)
                .sorted(Comparator.comparingDouble((Mover m) -> -Math.abs(m.changeUsd())).thenComparing(Mover::service))
                .limit(5).toList();
    }

    private MonthTable table(List<LocalDate> months, Map<String, Map<LocalDate, Double>> rows,
                             Function<String, String> label, Function<String, String> href) {
        List<Row> out = new ArrayList<>();
        double[] totals = new double[months.size()];
        rows.forEach((key, values) -> {
            List<Double> cells = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < months.size(); i++) {
                double v = round(values.getOrDefault(months.get(i), 0.0));
                cells.add(v);
                totals[i] += v;
                sum += v;
            }
            out.add(new Row(key, label.apply(key), href.apply(key), cells, round(sum)));
        });
        List<Double> totalList = new ArrayList<>();
        for (double t : totals) {
            totalList.add(round(t));
        }
        return new MonthTable(months.stream().map(m -> m.toString().substring(0, 7)).toList(), out, totalList);
    }

    /** Features in catalog order, the core first. */
    private Map<String, Map<LocalDate, Double>> ordered(Map<String, Map<LocalDate, Double>> byFeature) {
        Map<String, Map<LocalDate, Double>> ordered = new LinkedHashMap<>();
        if (byFeature.containsKey("")) {
            ordered.put("", byFeature.get(""));
        }
        for (Feature f : features.features()) {
            if (byFeature.containsKey(f.id())) {
                ordered.put(f.id(), byFeature.get(f.id()));
            }
        }
        byFeature.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private String featureTitle(String tag) {
        if (tag.isEmpty() || tag.equals("core")) {
            return CORE_LABEL;
        }
        return features.feature(tag).map(Feature::title).orElse(tag);
    }

    private static double monthTotal(List<Amount> amounts, LocalDate month) {
        return round(amounts.stream().filter(a -> a.start().equals(month)).mapToDouble(Amount::usd).sum());
    }

    private static double monthTotal(List<Amount> amounts, LocalDate month, String feature) {
        return round(amounts.stream().filter(a -> a.start().equals(month) && a.feature().equals(feature))
                .mapToDouble(Amount::usd).sum());
    }

    /** This month at the pace so far: cost to date over the days with data (up to yesterday), times the month's days. */
    private static double projected(double monthToDate, LocalDate today) {
        int elapsed = Math.max(1, today.getDayOfMonth() - 1);
        return round(monthToDate / elapsed * today.lengthOfMonth());
    }

    private Freshness freshness(Optional<CostCache.Entry> entry) {
        return new Freshness(source.label(), source.demo(), entry.map(CostCache.Entry::fetchedAt).orElse(null),
                entry.map(CostCache.Entry::error).orElse(null), entry.map(CostCache.Entry::errorAt).orElse(null),
                maxAge.toHours());
    }

    private Requests requests() {
        Map<String, Long> counts = requests.thisMonth();
        long ce = counts.entrySet().stream().filter(e -> e.getKey().startsWith(CostRequests.COST_EXPLORER_PREFIX))
                .mapToLong(Map.Entry::getValue).sum();
        long budgets = counts.entrySet().stream().filter(e -> e.getKey().startsWith("budgets:")).mapToLong(Map.Entry::getValue).sum();
        return new Requests(requests.month(), ce, round(ce * CostRequests.COST_EXPLORER_USD), budgets);
    }

    private <T> Optional<T> payload(Optional<CostCache.Entry> entry, Class<T> type) {
        if (entry.isEmpty() || entry.get().payloadJson() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(entry.get().payloadJson(), type));
        } catch (Exception e) {
            throw new IllegalStateException("the cached " + entry.get().key() + " is not a " + type.getSimpleName(), e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    static List<LocalDate> months(LocalDate today) {
        List<LocalDate> months = new ArrayList<>();
        LocalDate first = today.withDayOfMonth(1);
        for (int i = 5; i >= 0; i--) {
            months.add(first.minusMonths(i));
        }
        return months;
    }

    private static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
