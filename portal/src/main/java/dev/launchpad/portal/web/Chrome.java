package dev.launchpad.portal.web;

/** What the layout shows around every page: who is acting, which section is open, the blueprint version. */
public record Chrome(String title, String section, String userName, String blueprintVersion) {
}
