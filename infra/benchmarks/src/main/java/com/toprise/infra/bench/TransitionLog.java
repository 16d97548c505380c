package com.toprise.infra.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * What each transition of an order's lifecycle took: how long its action's HTTP call took, how long from the
 * action to the new status being readable through the API, and how often it never became readable (timed out) or
 * went wrong (an error answer, or a state from which it could not follow), with a few samples of why. Transitions
 * are listed in the order they were declared.
 */
final class TransitionLog {

    private static final int SAMPLES = 5;

    private static final class Entry {
        final List<Double> actionMs = Collections.synchronizedList(new ArrayList<>());
        final List<Double> readableMs = Collections.synchronizedList(new ArrayList<>());
        long timedOut;
        long failed;
        final List<String> samples = new ArrayList<>();
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** @param names the transitions, in the order they happen */
    TransitionLog(List<String> names) {
        names.forEach(name -> entries.put(name, new Entry()));
    }

    /** @param actionMs the action's own HTTP call; NaN when the transition has no action of its own */
    void readable(String name, double actionMs, double readableMs) {
        Entry entry = entry(name);
        if (!Double.isNaN(actionMs)) {
            entry.actionMs.add(actionMs);
        }
        entry.readableMs.add(readableMs);
    }

    void failed(String name, String orderId, Throwable cause) {
        Throwable why = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        Entry entry = entry(name);
        synchronized (entry) {
            if (why instanceof TimeoutException) {
                entry.timedOut++;
            } else {
                entry.failed++;
            }
            if (entry.samples.size() < SAMPLES) {
                entry.samples.add(orderId + ": " + why.getMessage());
            }
        }
    }

    /** The worst P99 of a transition readable after its action, in ms (NaN when none was measured). */
    double worstP99() {
        return entries.values().stream().mapToDouble(e -> Stats.percentile(List.copyOf(e.readableMs), 99))
                .filter(Double::isFinite).max().orElse(Double.NaN);
    }

    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            synchronized (entry) {
                one.put("readableMs", Stats.summary(List.copyOf(entry.readableMs)));
                one.put("actionMs", Stats.summary(List.copyOf(entry.actionMs)));
                one.put("timedOut", entry.timedOut);
                one.put("failed", entry.failed);
                one.put("failureSamples", List.copyOf(entry.samples));
            }
            figures.put(name, one);
        });
        return figures;
    }

    private Entry entry(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no transition " + name);
        }
        return entry;
    }
}
