package com.example.orders.streams;

import java.time.Instant;
import java.util.Set;

/**
 * What the user-activity stream carries: one JSON object per record, keyed by user id. Names and email
 * addresses stay out of it: whoever analyses activity needs to know that a user changed, not to whom.
 */
public record UserActivityEvent(String type, String userId, Instant timestamp) {

    public static final String USER_CREATED = "UserCreated";
    public static final String USER_UPDATED = "UserUpdated";
    public static final String USER_DELETED = "UserDeleted";

    private static final Set<String> TYPES = Set.of(USER_CREATED, USER_UPDATED, USER_DELETED);

    public UserActivityEvent {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + TYPES + " but is " + type);
        }
        if (userId == null || timestamp == null) {
            throw new IllegalArgumentException("userId and timestamp are required");
        }
    }
}
