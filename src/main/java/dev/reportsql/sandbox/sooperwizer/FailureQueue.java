package dev.reportsql.sandbox.sooperwizer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** Canned responses that replace the next requests to a path, first in first out per suffix. */
final class FailureQueue {
    /** A response to send instead of the real one; contentType and body may be null. */
    record Failure(int status, String contentType, String body) {
    }

    private final Map<String, Deque<Failure>> bySuffix = new LinkedHashMap<>();

    synchronized void add(String pathSuffix, Failure failure) {
        bySuffix.computeIfAbsent(pathSuffix, s -> new ArrayDeque<>()).addLast(failure);
    }

    /** Removes and returns the oldest failure queued for a suffix of this path, or null. */
    synchronized Failure poll(String path) {
        for (Map.Entry<String, Deque<Failure>> e : bySuffix.entrySet()) {
            if (path.endsWith(e.getKey()) && !e.getValue().isEmpty()) {
                return e.getValue().pollFirst();
            }
        }
        return null;
    }
}
