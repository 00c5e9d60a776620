package dev.launchpad.portal.auth;

/**
 * An OpenID Connect sign-in that cannot go on. The message is shown to the person signing in and written
 * to the audit log, so it says what failed in general terms and never carries a code or a token.
 */
final class OidcFailure extends Exception {

    OidcFailure(String message) {
        super(message, null, false, false);
    }

    OidcFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
