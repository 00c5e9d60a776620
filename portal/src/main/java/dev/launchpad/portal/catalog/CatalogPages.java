package dev.launchpad.portal.catalog;

import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.git.GitFacade;
import dev.launchpad.portal.git.RepoFile;
import dev.launchpad.portal.git.RepositoryLayout;
import dev.launchpad.portal.health.HealthBadges;
import dev.launchpad.portal.runs.Run;
import dev.launchpad.portal.runs.RunRepository;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.Chrome;
import dev.launchpad.portal.web.FileTree;
import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalog pages: every service with filters, and one service with its spec and files. */
public final class CatalogPages {

    /** The catalog page; {@code health} has each listed service's badge, {@code demoHealth} says it is demo data. */
    public record ListModel(Chrome chrome, List<Service> services, List<Team> teams, List<Feature> features,
                            Map<String, String> featureTitles, String team, String feature,
                            Map<String, HealthBadges.Badge> health, boolean demoHealth) {
    }

    /** One service's page; {@code file} and {@code content} are set when a file is open. */
    public record ServiceModel(Chrome chrome, Service service, Map<String, String> featureTitles, String cloneUrl,
                               String specJson, List<FileTree.Row> files, String file, String content,
                               List<Run> runs) {
    }

    private static final int MAX_SHOWN_BYTES = 512 * 1024;

    private final ServiceRepository services;
    private final TeamRepository teams;
    private final RunRepository runs;
    private final FeatureCatalog catalog;
    private final GitFacade git;
    private final RepositoryLayout layout;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final HealthBadges health;

    public CatalogPages(ServiceRepository services, TeamRepository teams, RunRepository runs, FeatureCatalog catalog,
                        GitFacade git, RepositoryLayout layout, CurrentUser currentUser, Pages pages, HealthBadges health) {
        this.services = services;
        this.teams = teams;
        this.runs = runs;
        this.catalog = catalog;
        this.git = git;
        this.layout = layout;
        this.currentUser = currentUser;
        this.pages = pages;
        this.health = health;
    }

    public void list(Context ctx) {
        String team = blankToNull(ctx.queryParam("team"));
        String feature = blankToNull(ctx.queryParam("feature"));
        List<Service> found = services.search(team, feature);
        pages.render(ctx, "catalog/list.jte", new ListModel(chrome(ctx, "Catalog", "catalog"),
                found, teams.all(), catalog.features(), titles(), team, feature, health.of(found), health.demo()));
    }

    public void show(Context ctx) {
        String name = ctx.pathParam("name");
        Service service = services.find(name)
                .orElseThrow(() -> ApiProblem.notFound("there is no service named \"" + name + "\""));
        var repo = layout.service(service.team(), service.name());
        List<RepoFile> files = git.files(repo, service.lastCommit());
        String file = blankToNull(ctx.queryParam("file"));
        String content = null;
        if (file != null) {
            byte[] bytes = git.read(repo, service.lastCommit(), file)
                    .orElseThrow(() -> ApiProblem.notFound(service.name() + " has no file " + file));
            content = bytes.length > MAX_SHOWN_BYTES ? "(" + bytes.length + " bytes; too large to show here)"
                    : new String(bytes, StandardCharsets.UTF_8);
        }
        pages.render(ctx, "catalog/service.jte", new ServiceModel(chrome(ctx, service.name(), "catalog"), service,
                titles(), service.repository(), prettySpec(service), FileTree.rows(files), file, content,
                runs.forService(service.name())));
    }

    private String prettySpec(Service service) {
        try {
            return SpecJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                    SpecJson.mapper().readTree(service.specJson()));
        } catch (Exception e) {
            return service.specJson();
        }
    }

    private Map<String, String> titles() {
        return catalog.features().stream().collect(Collectors.toMap(Feature::id, Feature::title));
    }

    private Chrome chrome(Context ctx, String title, String section) {
        return pages.chrome(ctx, title, section);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
