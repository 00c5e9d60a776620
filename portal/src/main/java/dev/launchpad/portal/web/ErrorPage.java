package dev.launchpad.portal.web;

/** The model of the HTML error page. */
public record ErrorPage(Chrome chrome, int status, String title, String detail) {
}
