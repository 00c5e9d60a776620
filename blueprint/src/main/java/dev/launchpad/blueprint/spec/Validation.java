package dev.launchpad.blueprint.spec;

import java.util.List;

/** The outcome of validating a request: a spec, or the problems that stop it from being one. */
public sealed interface Validation {

    record Valid(ProjectSpec spec) implements Validation {
    }

    record Invalid(List<Problem> problems) implements Validation {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
