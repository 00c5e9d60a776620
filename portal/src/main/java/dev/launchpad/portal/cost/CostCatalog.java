package dev.launchpad.portal.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.catalog.Service;
import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.catalog.TeamRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The published services and teams, as the cost side needs them. */
public final class CostCatalog {

    private final ServiceRepository services;
    private final TeamRepository teams;
    private final ObjectMapper json;

    public CostCatalog(ServiceRepository services, TeamRepository teams, ObjectMapper json) {
        this.services = services;
        this.teams = teams;
        this.json = json;
    }

    public List<CostedService> services() {
        return services.search(null, null).stream().map(this::costed).toList();
    }

    public List<CostedService> services(String team) {
        return services.search(team, null).stream().map(this::costed).toList();
    }

    public Optional<Service> service(String name) {
        return services.find(name);
    }

    public List<Service> published(String team) {
        return services.search(team, null);
    }

    public Optional<String> teamName(String team) {
        return teams.all().stream().filter(t -> t.id().equals(team)).map(t -> t.displayName()).findFirst();
    }

    public List<dev.launchpad.portal.catalog.Team> teams() {
        return teams.all();
    }

    public CostedService costed(Service service) {
        List<String> environments = new ArrayList<>();
        Integer budget = null;
        try {
            JsonNode spec = json.readTree(service.specJson());
            spec.path("environments").forEach(e -> environments.add(e.asText()));
            JsonNode limit = spec.path("features").path("budgets").path("monthlyLimitUsd");
            if (limit.isNumber()) {
                budget = limit.intValue();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the stored spec of " + service.name() + " is not JSON", e);
        }
        return new CostedService(service.name(), service.team(), environments, service.features(), budget);
    }
}
