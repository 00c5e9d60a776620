package dev.launchpad.portal.git;

/** What a push did. A rejected push is an expected outcome, not an exception. */
public sealed interface PushOutcome {

    record Pushed(String url) implements PushOutcome {
    }

    /** The remote refused a ref, e.g. a pre-receive hook or a policy; {@code message} is what it said. */
    record Rejected(String ref, String status, String message) implements PushOutcome {
    }

    /** The remote could not be reached or refused the connection (unknown host, authentication, timeout). */
    record Unreachable(String message) implements PushOutcome {
    }
}
