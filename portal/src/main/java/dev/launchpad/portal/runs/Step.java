package dev.launchpad.portal.runs;

import java.util.List;

/** The steps of a publish run, in order. */
public enum Step {
    VALIDATE("Validate", "check the spec and reserve the name"),
    RENDER("Render", "generate the project from the blueprint"),
    COMMIT("Commit", "commit the generated files as the initial commit"),
    PUSH("Push", "push the commit to the service's repository"),
    REGISTER("Register", "record the service in the catalog");

    private final String title;
    private final String purpose;

    Step(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String title() {
        return title;
    }

    public String purpose() {
        return purpose;
    }

    public static List<Step> all() {
        return List.of(values());
    }
}
