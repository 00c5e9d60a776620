package com.example.orders.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A route path such as {@code /orders/{id}/cancel}; a segment in braces matches any one path segment. */
record PathTemplate(String text, List<String> segments) {

    static PathTemplate parse(String text) {
        return new PathTemplate(text, segmentsOf(text));
    }

    /** The path parameters when the path fits this template. */
    Optional<Map<String, String>> match(String path) {
        List<String> parts = segmentsOf(path);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), parts.get(i));
            } else if (!segment.equals(parts.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static List<String> segmentsOf(String path) {
        return List.of(path.split("/")).stream().filter(part -> !part.isEmpty()).toList();
    }
}
