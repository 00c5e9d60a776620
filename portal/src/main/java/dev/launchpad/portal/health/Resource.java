package dev.launchpad.portal.health;

/**
 * A resource of a stack found by its tags, with the name its metrics are dimensioned by.
 *
 * @param name the metric dimension value: function, table, stream or queue name, HTTP API id, cache
 *             cluster id, web ACL name
 */
public record Resource(Kind kind, String name, String arn) {

    /** The resource types the health pages chart. */
    public enum Kind {
        FUNCTION, HTTP_API, REST_API, TABLE, STREAM, QUEUE, CACHE_GROUP, CACHE_NODE, WEB_ACL
    }
}
