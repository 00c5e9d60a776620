package dev.launchpad.portal.auth;

import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;

/** To be written. */
public final class OidcSignIn {

    private final Identity identity;
    private final Pages pages;

    public OidcSignIn(Identity identity, Pages pages) {
        this.identity = identity;
        this.pages = pages;
    }

    public void start(Context ctx) {
        throw new UnsupportedOperationException("OidcSignIn.start");
    }

    public void callback(Context ctx) {
        throw new UnsupportedOperationException("OidcSignIn.callback");
    }
}
