package dev.launchpad.portal.auth;

import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;

/** To be written. */
public final class AccountPages {

    private final Identity identity;
    private final Pages pages;

    public AccountPages(Identity identity, Pages pages) {
        this.identity = identity;
        this.pages = pages;
    }

    public void show(Context ctx) {
        throw new UnsupportedOperationException("AccountPages.show");
    }

    public void createToken(Context ctx) {
        throw new UnsupportedOperationException("AccountPages.createToken");
    }

    public void revokeToken(Context ctx) {
        throw new UnsupportedOperationException("AccountPages.revokeToken");
    }
}
