package dev.launchpad.portal.catalog;

import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.portal.web.ApiProblem;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog of published services over HTTP. */
public final class CatalogApi {

    private final ServiceRepository services;
    private final FeatureCatalog features;

    public CatalogApi(ServiceRepository services, FeatureCatalog features) {
        this.services = services;
        this.features = features;
    }

    public void list(Context ctx) {
        String team = ctx.queryParam("team");
        String feature = ctx.queryParam("feature");
        if (feature != null && !feature.isBlank() && features.feature(feature).isEmpty()) {
            throw new ApiProblem(400, "unknown-feature", "Unknown feature", "there is no feature \"" + feature
                    + "\"; the features are " + String.join(", ", features.ids().stream().sorted().toList()));
        }
        List<ServiceView> found = services.search(team, feature).stream().map(ServiceView::of).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", found.size());
        body.put("services", found);
        ctx.json(body);
    }

    public void get(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.json(ServiceView.of(services.find(name)
                .orElseThrow(() -> ApiProblem.notFound("there is no service named \"" + name + "\""))));
    }
}
