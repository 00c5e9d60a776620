package dev.launchpad.portal.health;

import dev.launchpad.portal.catalog.Team;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alarm states rolled up into services, teams and the organisation, worst first. */
public final class HealthBoard {

    private static final Comparator<Alarm> WORST_ALARM_FIRST = Comparator.comparing(Alarm::state).thenComparing(Alarm::name);

    private final HealthReader reader;
    private final ServiceDirectory directory;

    public HealthBoard(HealthReader reader, ServiceDirectory directory) {
        this.reader = reader;
        this.directory = directory;
    }

    public boolean demo() {
        return reader.source().demo();
    }

    public Optional<ServiceHealth> service(String name, Duration wait) {
        return directory.service(name).map(p -> services(List.of(p), wait).getFirst());
    }

    /** The health of each service, worst first. */
    public List<ServiceHealth> services(Collection<ServiceProfile> profiles, Duration wait) {
        List<Stack> stacks = new ArrayList<>();
        profiles.forEach(p -> p.environments().forEach(e -> stacks.add(p.stack(e))));
        Map<Stack, Reading<List<Alarm>>> alarms = reader.alarms(stacks, wait);
        return profiles.stream().map(p -> health(p, alarms)).sorted(ServiceHealth.WORST_FIRST).toList();
    }

    public Optional<TeamHealth> team(String team, Duration wait) {
        return directory.teams().stream().filter(t -> t.id().equals(team)).findFirst()
                .map(t -> teams(List.of(t), directory.services(), wait).getFirst());
    }

    /** Every team with its services, worst team first. */
    public List<TeamHealth> organisation(Duration wait) {
        return teams(directory.teams(), directory.services(), wait);
    }

    private List<TeamHealth> teams(List<Team> teams, List<ServiceProfile> all, Duration wait) {
        List<ServiceProfile> wanted = all.stream().filter(p -> teams.stream().anyMatch(t -> t.id().equals(p.team()))).toList();
        Map<String, List<ServiceHealth>> byTeam = new LinkedHashMap<>();
        for (ServiceHealth h : services(wanted, wait)) {
            byTeam.computeIfAbsent(h.team(), k -> new ArrayList<>()).add(h);
        }
        return teams.stream().map(t -> {
            List<ServiceHealth> services = byTeam.getOrDefault(t.id(), List.of());
            return new TeamHealth(t.id(), t.displayName(), HealthState.worst(services.stream().map(ServiceHealth::state).toList()), services);
        }).sorted(TeamHealth.WORST_FIRST).toList();
    }

    private ServiceHealth health(ServiceProfile profile, Map<Stack, Reading<List<Alarm>>> alarms) {
        List<EnvironmentHealth> environments = new ArrayList<>();
        for (String environment : profile.environments()) {
            Optional<Target> target = reader.target(environment);
            Reading<List<Alarm>> reading = alarms.get(profile.stack(environment));
            if (target.isEmpty() || reading == null) {
                environments.add(new EnvironmentHealth(environment, null, HealthState.UNKNOWN, List.of(), null, false,
                        "no AWS account is configured for environment " + environment));
                continue;
            }
            List<Alarm> list = reading.value() == null ? List.of() : reading.value().stream().sorted(WORST_ALARM_FIRST).toList();
            HealthState state = reading.value() == null ? HealthState.UNKNOWN
                    : HealthState.worst(list.stream().map(a -> HealthState.of(a.state())).toList());
            environments.add(new EnvironmentHealth(environment, target.get(), state, list, reading.readAt(), reading.fresh(),
                    reading.problem()));
        }
        List<HealthState> watched = environments.stream().filter(EnvironmentHealth::watched).map(EnvironmentHealth::state).toList();
        HealthState state = watched.isEmpty() ? HealthState.UNKNOWN : HealthState.worst(watched);
        return new ServiceHealth(profile.name(), profile.team(), profile.description(), state, environments);
    }
}
