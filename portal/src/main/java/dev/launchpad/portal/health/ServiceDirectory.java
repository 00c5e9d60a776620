package dev.launchpad.portal.health;

import dev.launchpad.portal.catalog.Team;
import java.util.List;
import java.util.Optional;

/** The registered services and teams, as the health pages see them. */
public interface ServiceDirectory {

    List<ServiceProfile> services();

    Optional<ServiceProfile> service(String name);

    List<Team> teams();
}
