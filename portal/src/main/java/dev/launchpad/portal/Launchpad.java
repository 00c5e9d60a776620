package dev.launchpad.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.aws.AwsHealthSource;
import dev.launchpad.portal.auth.AccountPages;
import dev.launchpad.portal.auth.AdminApi;
import dev.launchpad.portal.auth.AdminPages;
import dev.launchpad.portal.auth.Bootstrap;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.auth.Guard;
import dev.launchpad.portal.auth.Identity;
import dev.launchpad.portal.auth.OidcSignIn;
import dev.launchpad.portal.auth.Scope;
import dev.launchpad.portal.auth.SignInPages;
import dev.launchpad.portal.auth.UserRepository;
import dev.launchpad.portal.catalog.CatalogApi;
import dev.launchpad.portal.catalog.CatalogPages;
import dev.launchpad.portal.catalog.Owners;
import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.config.PortalConfig;
import dev.launchpad.portal.cost.Cost;
import dev.launchpad.portal.db.Database;
import dev.launchpad.portal.db.Jdbc;
import dev.launchpad.portal.db.Leases;
import dev.launchpad.portal.demo.DemoData;
import dev.launchpad.portal.git.GitFacade;
import dev.launchpad.portal.git.PlatformModules;
import dev.launchpad.portal.git.RepositoryLayout;
import dev.launchpad.portal.health.CatalogDirectory;
import dev.launchpad.portal.health.Health;
import dev.launchpad.portal.health.HealthApi;
import dev.launchpad.portal.health.HealthBadges;
import dev.launchpad.portal.health.HealthPages;
import dev.launchpad.portal.health.HealthSource;
import dev.launchpad.portal.health.demo.DemoHealthSource;
import dev.launchpad.portal.publish.IdempotencyKeys;
import dev.launchpad.portal.publish.Liveness;
import dev.launchpad.portal.publish.ModulesPublication;
import dev.launchpad.portal.publish.PublishApi;
import dev.launchpad.portal.publish.Publisher;
import dev.launchpad.portal.publish.Recovery;
import dev.launchpad.portal.runs.RunEvents;
import dev.launchpad.portal.runs.RunPages;
import dev.launchpad.portal.runs.RunRepository;
import dev.launchpad.portal.runs.RunsApi;
import dev.launchpad.portal.scaffold.NewServicePage;
import dev.launchpad.portal.scaffold.Projects;
import dev.launchpad.portal.scaffold.ScaffoldApi;
import dev.launchpad.portal.web.ApiIndex;
import dev.launchpad.portal.web.ErrorMapping;
import dev.launchpad.portal.web.Json;
import dev.launchpad.portal.web.OpenApi;
import dev.launchpad.portal.web.Pages;
import dev.launchpad.portal.web.Route;
import dev.launchpad.portal.web.Routes;
import dev.launchpad.portal.web.SecurityHeaders;
import dev.launchpad.portal.web.WebApp;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The running portal, wired by hand from its configuration: database, Git, the publisher and the web
 * application. {@link #start} prepares the data directory (recovery after a crash, platform modules,
 * demo data) and then serves.
 */
public final class Launchpad implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Launchpad.class);

    private final PortalConfig config;
    private final Database database;
    private final ExecutorService runner;
    private final Javalin app;
    private final String blueprintVersion;
    private final List<Route> routes;
    private final Cost cost;
    private final Health health;
    private final Leases leases;
    private final Liveness liveness;

    private Launchpad(PortalConfig config, Database database, ExecutorService runner, Javalin app, String blueprintVersion,
                      List<Route> routes, Cost cost, Health health, Leases leases, Liveness liveness) {
        this.config = config;
        this.cost = cost;
        this.health = health;
        this.leases = leases;
        this.liveness = liveness;
        this.routes = routes;
        this.database = database;
        this.runner = runner;
        this.app = app;
        this.blueprintVersion = blueprintVersion;
    }

    public static Launchpad start(PortalConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** With a clock of the caller's: tests step it forward to see caches expire. */
    public static Launchpad start(PortalConfig config, Clock clock) {
        return start(config, clock, Preload.begin());
    }

    /** With the blueprint and web server classes already loading, begun before the configuration was read. */
    static Launchpad start(PortalConfig config, Preload preload) {
        return start(config, Clock.systemUTC(), preload);
    }

    private static Launchpad start(PortalConfig config, Clock clock, Preload preload) {
        long started = System.nanoTime();
        GitFacade git = new GitFacade();
        RepositoryLayout layout = new RepositoryLayout(config.gitRoot(), config.publicUrl());
        // Start-up is mostly class loading and first runs of code; the independent parts run on both cores at once.
        ExecutorService boot = preload.pool;
        CompletableFuture<Blueprint> blueprintLoaded = preload.blueprint;
        CompletableFuture<Database> databaseOpened = CompletableFuture.supplyAsync(() -> Database.open(config), boot);
        CompletableFuture<Void> webWarmed = preload.web;
        ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<Void> modulesWanted = new CompletableFuture<>();
        // On the runner, so that closing the portal waits for it like for a publish run.
        CompletableFuture<PlatformModules.Outcome> modulesPublished = blueprintLoaded.thenComposeAsync(blueprint ->
                ModulesPublication.schedule(PlatformModules.tagged(layout.platformModules(), blueprint.version()),
                        modulesWanted, () -> publishPlatformModules(config, git, layout, blueprint.version()), runner),
                runner);
        Database database = null;
        Liveness liveness = null;
        Cost cost = null;
        Health health = null;
        try {
            database = join(databaseOpened);
            Blueprint blueprint = join(blueprintLoaded);
            Jdbc jdbc = database.jdbc();
            ObjectMapper json = Json.mapper();
            TeamRepository teams = new TeamRepository(jdbc, clock);
            AuditLog audit = new AuditLog(jdbc, clock);
            Identity identity = Identity.create(config.auth(), config.publicUrl(), jdbc, clock, teams, audit);
            UserRepository users = identity.users();
            CurrentUser currentUser = identity.currentUser();
            ServiceRepository services = new ServiceRepository(jdbc);
            RunRepository runs = new RunRepository(jdbc);
            IdempotencyKeys keys = new IdempotencyKeys(jdbc, clock);
            RunEvents live = new RunEvents();
            Projects projects = new Projects(blueprint, layout.platformModulesUrl());
            ModulesPublication modules = ModulesPublication.following(modulesPublished, modulesWanted, audit,
                    blueprint.version());
            Publisher publisher = new Publisher(projects, services, teams, users, runs, live, git, layout, config.git(),
                    audit, modules, clock, config.instanceId());

            new Bootstrap(users, identity.tokens(), identity.passwords(), audit, clock).run(config.auth(), System.out);
            // Leases are held under the instance id: other instances see this one alive while it holds
            // instance:<id>, and background refreshes run on one instance at a time, whichever holds their lease.
            Leases leases = new Leases(jdbc, clock, config.instanceId());
            Recovery recovery = new Recovery(runs, services, keys, live, git, layout, clock, leases, config.instanceId());
            liveness = Liveness.start(leases, config.instanceId(), recovery);
            List<String> recovered = recovery.recoverAtStart();
            if (!recovered.isEmpty()) {
                LOG.warn("marked {} interrupted run(s) failed: {}", recovered.size(), recovered);
            }
            // Pages wait only for modules that this blueprint version never published; publish runs always wait.
            if (!PlatformModules.tagged(layout.platformModules(), blueprint.version())) {
                modules.await();
            }
            if (config.demoData()) {
                List<String> seeded = new DemoData(teams, services, projects, publisher).seedIfEmpty();
                if (!seeded.isEmpty()) {
                    LOG.info("published demo services {}", seeded);
                }
            }

            Pages pages = Pages.create(config.templatesDir(), blueprint.version(), currentUser);
            cost = Cost.create(config.cost(), blueprint, jdbc, services, teams, currentUser, pages, json, clock,
                    leases::tryAcquire);
            CatalogDirectory directory = new CatalogDirectory(services, teams);
            HealthSource healthSource = config.aws().configured()
                    ? new AwsHealthSource(config.aws(), DefaultCredentialsProvider.builder().build())
                    : new DemoHealthSource(directory, clock);
            health = Health.start(healthSource, config.health(), directory, clock, leases::tryAcquire);
            AtomicReference<List<Route>> table = new AtomicReference<>();
            SignInPages signInPages = new SignInPages(identity, pages);
            RunsApi runsApi = new RunsApi(runs, live, services, json);
            Routes.Handlers handlers = new Routes.Handlers(
                    new NewServicePage(projects, publisher, services, teams, currentUser, pages, runner, cost.recorder()),
                    new CatalogPages(services, teams, runs, blueprint.catalog(), git, layout, currentUser, pages,
                            new HealthBadges(health)),
                    new RunPages(runsApi, runs, projects, publisher, currentUser, pages, runner),
                    new ScaffoldApi(projects),
                    new PublishApi(projects, publisher, runs, keys, currentUser, json, cost.recorder(), runner),
                    new CatalogApi(services, blueprint.catalog()),
                    runsApi,
                    new ApiIndex(blueprint, config.publicUrl(), table::get),
                    new OpenApi(json, config.publicUrl(), blueprint.version(), pages),
                    cost.pages(), cost.api(),
                    new HealthPages(health, pages, currentUser), new HealthApi(health, currentUser),
                    signInPages, new OidcSignIn(identity, signInPages),
                    new AccountPages(identity, pages), new AdminPages(identity, pages), new AdminApi(identity, json),
                    new Owners(services, runs));
            table.set(Routes.table(handlers));
            join(webWarmed);
            Javalin app = WebApp.create(table.get(), new ErrorMapping(json, pages, currentUser), json, config.gitRoot(),
                    new Guard(currentUser), header -> currentUser.fromAuthorization(header).filter(p -> p.has(Scope.READ)).isPresent(),
                    new SecurityHeaders(config.publicUrl().startsWith("https:")));
            app.start(config.port());
            modules.serving();
            cost.start();
            LOG.debug("serving after {} ms", (System.nanoTime() - started) / 1_000_000);
            return new Launchpad(config, database, runner, app, blueprint.version(), table.get(), cost, health, leases,
                    liveness);
        } catch (RuntimeException e) {
            runner.shutdownNow();
            if (cost != null) {
                cost.close();
            }
            if (health != null) {
                health.close();
            }
            if (liveness != null) {
                liveness.close();
            }
            if (database != null) {
                database.close();
            } else {
                databaseOpened.thenAccept(Database::close);
            }
            throw e;
        } finally {
            boot.shutdown();
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static PlatformModules.Outcome publishPlatformModules(PortalConfig config, GitFacade git,
                                                                 RepositoryLayout layout, String version) {
        SortedMap<String, byte[]> files = config.terraformModulesDir() == null
                ? PlatformModules.fromClasspath(Launchpad.class.getClassLoader())
                : PlatformModules.fromDirectory(config.terraformModulesDir());
        if (files.isEmpty()) {
            LOG.warn("no platform Terraform modules found; publishing an empty {} repository", RepositoryLayout.MODULES_REPOSITORY);
        }
        return new PlatformModules(git, layout.platformModules()).publish(files, version);
    }

    public int port() {
        return app.port();
    }

    /** Where this instance is reachable from this machine. */
    public String localUrl() {
        return "http://localhost:" + port();
    }

    public PortalConfig config() {
        return config;
    }

    public String blueprintVersion() {
        return blueprintVersion;
    }

    /** The routes table this instance serves. */
    public List<Route> routes() {
        return routes;
    }

    /** The cost capability: its background refresh, for tests and operators that cannot wait for it. */
    public Cost cost() {
        return cost;
    }

    /** The health capability: its cache and sources, for tests. */
    public Health health() {
        return health;
    }

    /** This instance's leases on background work: its holder id, and what it was granted. */
    public Leases leases() {
        return leases;
    }

    /** This instance's liveness lease and the sweep for the runs of stopped instances, for tests. */
    public Liveness liveness() {
        return liveness;
    }

    public javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Stops serving, lets the runs in progress finish (this instance is seen alive until then), and releases
     * every lease it holds, so that another instance takes its background refreshes over at once.
     */
    @Override
    public void close() {
        cost.close();
        health.close();
        app.stop();
        runner.close();
        liveness.close();
        leases.releaseAll();
        database.close();
    }
}
