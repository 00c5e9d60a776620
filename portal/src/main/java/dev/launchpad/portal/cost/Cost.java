package dev.launchpad.portal.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.cost.aws.AwsCostClients;
import dev.launchpad.portal.cost.aws.AwsCostSource;
import dev.launchpad.portal.cost.demo.DemoCostSource;
import dev.launchpad.portal.db.Jdbc;
import dev.launchpad.portal.web.Pages;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The cost capability wired from its settings: the source (AWS or demo data), the database cache and its
 * background refresh, the estimates kept at publishing, and the pages and API.
 */
public final class Cost implements AutoCloseable {

    private final CostPages pages;
    private final CostApi api;
    private final EstimateRecorder recorder;
    private final CostRefresher refresher;
    /** How often the refresh looks for cache entries older than the refresh interval. */
    private final Duration checkEvery;
    private final AutoCloseable clients;

    private Cost(CostPages pages, CostApi api, EstimateRecorder recorder, CostRefresher refresher, Duration checkEvery,
                 AutoCloseable clients) {
        this.pages = pages;
        this.api = api;
        this.recorder = recorder;
        this.refresher = refresher;
        this.checkEvery = checkEvery;
        this.clients = clients;
    }

    public static Cost create(CostSettings settings, Blueprint blueprint, Jdbc jdbc, ServiceRepository services,
                              TeamRepository teams, CurrentUser currentUser, Pages pages, ObjectMapper json, Clock clock,
                              RefreshLease lease) {
        CostRequests requests = new CostRequests(jdbc, clock);
        CostSource source;
        AutoCloseable clients = () -> { };
        if (settings.source() == CostSettings.Source.AWS) {
            AwsCostClients aws = new AwsCostClients(DefaultCredentialsProvider.builder().build(), settings.endpoint(), requests);
            source = new AwsCostSource(aws, settings.accountId());
            clients = aws;
        } else {
            source = new DemoCostSource();
        }
        CostCache cache = new CostCache(jdbc);
        CostCatalog catalog = new CostCatalog(services, teams, json);
        Estimator estimator = new Estimator(blueprint);
        CostEstimates estimates = new CostEstimates(jdbc, json, clock);
        CostReports reports = new CostReports(cache, catalog, estimates, requests, source, estimator, json, clock,
                settings.refresh());
        CostRefresher refresher = new CostRefresher(source, cache, catalog::services, json, clock, settings.refresh(),
                lease);
        return new Cost(new CostPages(reports, estimator, currentUser, pages, json), new CostApi(reports, estimator),
                new EstimateRecorder(estimator, estimates), refresher, settings.checkEvery(), clients);
    }

    /** Starts the background refresh: a first pass in a few seconds, then a look every few minutes. */
    public Cost start() {
        refresher.start(checkEvery);
        return this;
    }

    public CostPages pages() {
        return pages;
    }

    public CostApi api() {
        return api;
    }

    public EstimateRecorder recorder() {
        return recorder;
    }

    public CostRefresher refresher() {
        return refresher;
    }

    @Override
    public void close() {
        refresher.close();
        try {
            clients.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
