package dev.reportsql.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import okhttp3.Call;

/**
 * A {@link CallTracker} that keeps the running calls, so the engine can abort a statement's calls
 * without knowing the HTTP client: it calls {@link #cancelCalls()}, and a call registered after
 * the abort is cancelled as it registers.
 */
public abstract class TrackedCalls implements CallTracker {
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();

    @Override
    public final void register(Call call) {
        calls.add(call);
        if (abortReason() != null) {
            call.cancel();
        }
    }

    @Override
    public final void unregister(Call call) {
        calls.remove(call);
    }

    /** Cancels every call registered and not yet unregistered. */
    protected final void cancelCalls() {
        for (Call c : calls) {
            c.cancel();
        }
    }
}
