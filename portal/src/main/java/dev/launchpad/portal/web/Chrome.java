package dev.launchpad.portal.web;

/**
 * What the layout shows around every page: who is signed in, which section is open, the blueprint version,
 * and the session's anti-forgery token for forms and scripts.
 *
 * @param userName  the signed-in user's name, or null for nobody
 * @param csrfToken null when nobody is signed in
 * @param costHref  where the Cost link goes (the organisation for admins, the first team a lead leads), or null
 *                  when the user may see no cost
 */
public record Chrome(String title, String section, String userName, String blueprintVersion, String csrfToken,
                     boolean admin, String costHref) {

    public boolean signedIn() {
        return userName != null;
    }
}
