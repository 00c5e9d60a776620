package dev.launchpad.portal.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** To be written. */
public final class AdminApi {

    private final Identity identity;
    private final ObjectMapper json;

    public AdminApi(Identity identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    public void me(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.me");
    }

    public void teams(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.teams");
    }

    public void createTeam(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.createTeam");
    }

    public void users(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.users");
    }

    public void createUser(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.createUser");
    }

    public void updateUser(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.updateUser");
    }

    public void putMember(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.putMember");
    }

    public void deleteMember(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.deleteMember");
    }

    public void audit(Context ctx) {
        throw new UnsupportedOperationException("AdminApi.audit");
    }
}
