package dev.launchpad.blueprint.spec;

/**
 * One thing wrong with a request.
 *
 * @param field   where, as a JSON path without the leading {@code $}: {@code name},
 *                {@code environments[1]}, {@code features.waf.rateLimit}
 * @param message what is wrong and what is allowed
 */
public record Problem(String field, String message) {
}
