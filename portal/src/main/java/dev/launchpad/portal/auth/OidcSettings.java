package dev.launchpad.portal.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Sign-in through the company's OpenID Connect provider (authorization code flow with PKCE). Group claims
 * decide roles: {@code adminGroup} makes an admin, {@code <teamGroupPrefix><team>} a member of that team and
 * {@code <leadGroupPrefix><team>} its lead. Memberships are replaced from the claims at every sign-in, so
 * the provider stays the one place where people join and leave teams.
 *
 * @param issuer       the provider's issuer URL; its {@code /.well-known/openid-configuration} is read
 * @param clientSecret never logged or shown
 * @param groupsClaim  the ID token claim that lists the user's groups
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret, String groupsClaim, String adminGroup,
                           String teamGroupPrefix, String leadGroupPrefix, String displayName) {

    /** Reads the {@code LAUNCHPAD_OIDC_*} variables; null when no issuer is configured. */
    static OidcSettings parse(Map<String, String> env, List<String> problems) {
        String issuer = AuthSettings.value(env, "LAUNCHPAD_OIDC_ISSUER");
        String clientId = AuthSettings.value(env, "LAUNCHPAD_OIDC_CLIENT_ID");
        String secret = AuthSettings.value(env, "LAUNCHPAD_OIDC_CLIENT_SECRET");
        if (issuer == null) {
            if (clientId != null || secret != null) {
                problems.add("LAUNCHPAD_OIDC_CLIENT_ID and LAUNCHPAD_OIDC_CLIENT_SECRET need LAUNCHPAD_OIDC_ISSUER");
            }
            return null;
        }
        URI uri = null;
        try {
            uri = new URI(issuer);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                uri = null;
            }
        } catch (Exception e) {
            uri = null;
        }
        if (uri == null) {
            problems.add("LAUNCHPAD_OIDC_ISSUER must be the provider's issuer URL, for example https://login.example.com/realms/acme");
        }
        if (clientId == null) {
            problems.add("LAUNCHPAD_OIDC_ISSUER needs LAUNCHPAD_OIDC_CLIENT_ID, the client registered for Launchpad");
        }
        if (secret == null) {
            problems.add("LAUNCHPAD_OIDC_ISSUER needs LAUNCHPAD_OIDC_CLIENT_SECRET, the secret of that client");
        }
        return new OidcSettings(uri, clientId, secret,
                AuthSettings.valueOr(env, "LAUNCHPAD_OIDC_GROUPS_CLAIM", "groups"),
                AuthSettings.valueOr(env, "LAUNCHPAD_OIDC_ADMIN_GROUP", "launchpad-admins"),
                AuthSettings.valueOr(env, "LAUNCHPAD_OIDC_TEAM_GROUP_PREFIX", "launchpad-team-"),
                AuthSettings.valueOr(env, "LAUNCHPAD_OIDC_LEAD_GROUP_PREFIX", "launchpad-lead-"),
                AuthSettings.valueOr(env, "LAUNCHPAD_OIDC_NAME", "company sign-in"));
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=***, groupsClaim=" + groupsClaim
                + ", adminGroup=" + adminGroup + ", teamGroupPrefix=" + teamGroupPrefix + ", leadGroupPrefix="
                + leadGroupPrefix + "]";
    }
}
