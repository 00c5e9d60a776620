package dev.launchpad.portal.demo;

import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.auth.User;
import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.publish.PublishOutcome;
import dev.launchpad.portal.publish.Publisher;
import dev.launchpad.portal.scaffold.Projects;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives an empty portal something to show: two teams and two services, published through the same runs
 * as any other, so their repositories exist and can be cloned.
 */
public final class DemoData {

    static final User DEMO_USER = new User("demo", "Launchpad Demo", "demo@launchpad.invalid");

    private static final List<String> SPECS = List.of(
            """
            {"name": "order-service", "team": "payments", "description": "Takes orders and tracks them to delivery",
             "javaPackage": "com.example.orders", "region": "eu-west-1", "environments": ["dev", "staging", "prod"]}
            """,
            """
            {"name": "signup-api", "team": "growth", "description": "Registers new customers",
             "environments": ["dev", "prod"], "features": {"monitoring": {"alertEmail": "growth-oncall@example.com"}}}
            """);

    private final TeamRepository teams;
    private final ServiceRepository services;
    private final Projects projects;
    private final Publisher publisher;

    public DemoData(TeamRepository teams, ServiceRepository services, Projects projects, Publisher publisher) {
        this.teams = teams;
        this.services = services;
        this.projects = projects;
        this.publisher = publisher;
    }

    /** Seeds the database if it has no teams and no services; returns the names published. */
    public List<String> seedIfEmpty() {
        if (services.count() > 0 || !teams.all().isEmpty()) {
            return List.of();
        }
        teams.ensure("payments", "Payments");
        teams.ensure("growth", "Growth");
        List<String> published = new ArrayList<>();
        for (String json : SPECS) {
            if (!(projects.validate(json) instanceof Validation.Valid valid)) {
                throw new IllegalStateException("a demo spec no longer validates: " + json);
            }
            ProjectSpec spec = valid.spec();
            if (publisher.execute(publisher.begin(spec, DEMO_USER, null), spec, DEMO_USER) instanceof PublishOutcome.Published) {
                published.add(spec.name());
            }
        }
        return published;
    }
}
