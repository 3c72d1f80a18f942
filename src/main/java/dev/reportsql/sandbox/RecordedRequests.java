package dev.reportsql.sandbox;

import java.util.ArrayList;
import java.util.List;

/** Every request a sandbox received, in arrival order. */
public final class RecordedRequests {
    private final List<RecordedRequest> requests = new ArrayList<>();

    public synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    public synchronized List<RecordedRequest> endingWith(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    public synchronized void clear() {
        requests.clear();
    }
}
