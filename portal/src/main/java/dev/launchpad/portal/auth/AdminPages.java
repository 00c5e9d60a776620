package dev.launchpad.portal.auth;

import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;

/** To be written. */
public final class AdminPages {

    private final Identity identity;
    private final Pages pages;

    public AdminPages(Identity identity, Pages pages) {
        this.identity = identity;
        this.pages = pages;
    }

    public void home(Context ctx) {
        throw new UnsupportedOperationException("AdminPages.home");
    }

    public void createUser(Context ctx) {
        throw new UnsupportedOperationException("AdminPages.createUser");
    }

    public void updateUser(Context ctx) {
        throw new UnsupportedOperationException("AdminPages.updateUser");
    }

    public void createTeam(Context ctx) {
        throw new UnsupportedOperationException("AdminPages.createTeam");
    }

    public void setMembership(Context ctx) {
        throw new UnsupportedOperationException("AdminPages.setMembership");
    }

    public void audit(Context ctx) {
        throw new UnsupportedOperationException("AdminPages.audit");
    }
}
