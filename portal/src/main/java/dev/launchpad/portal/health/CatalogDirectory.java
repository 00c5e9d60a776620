package dev.launchpad.portal.health;

import dev.launchpad.portal.catalog.Service;
import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.catalog.Team;
import dev.launchpad.portal.catalog.TeamRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The catalog database as a {@link ServiceDirectory}; each published spec is parsed once. */
public final class CatalogDirectory implements ServiceDirectory {

    private final ServiceRepository services;
    private final TeamRepository teams;
    private final Map<String, ServiceProfile> parsed = new ConcurrentHashMap<>();

    public CatalogDirectory(ServiceRepository services, TeamRepository teams) {
        this.services = services;
        this.teams = teams;
    }

    @Override
    public List<ServiceProfile> services() {
        return services.search(null, null).stream().map(this::profile).toList();
    }

    @Override
    public Optional<ServiceProfile> service(String name) {
        return services.find(name).map(this::profile);
    }

    @Override
    public List<Team> teams() {
        return teams.all();
    }

    private ServiceProfile profile(Service service) {
        String key = service.name() + "@" + service.lastCommit();
        if (parsed.size() > 10_000) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(key, k -> ServiceProfile.of(service));
    }
}
