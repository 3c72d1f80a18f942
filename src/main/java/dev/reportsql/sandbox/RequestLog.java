package dev.reportsql.sandbox;

import java.util.ArrayList;
import java.util.List;

/** Every request a sandbox received, in arrival order. */
final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized List<RecordedRequest> endingWith(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    synchronized void clear() {
        requests.clear();
    }
}
