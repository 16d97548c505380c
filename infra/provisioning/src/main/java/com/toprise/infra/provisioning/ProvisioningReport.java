package com.toprise.infra.provisioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one provisioning pass did, one line per object: a second pass against the same cluster must report every
 * object {@link Action#UNCHANGED}, which is how idempotence is checked by hand and in tests.
 */
public final class ProvisioningReport {

    /** What happened to one object. */
    public enum Action { CREATED, UPDATED, UNCHANGED }

    /** One object: its kind (topic, index template, connector), its name, what was done and why. */
    public record Line(String kind, String name, Action action, String detail) {

        @Override
        public String toString() {
            return String.format("%-15s %-38s %-9s %s", kind, name, action.name().toLowerCase(), detail).strip();
        }
    }

    private final List<Line> lines = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<Line> listener;

    /** @param listener told of each line as it is added (the launcher prints progress with it) */
    public ProvisioningReport(Consumer<Line> listener) {
        this.listener = listener;
    }

    public ProvisioningReport() {
        this(line -> { });
    }

    void add(String kind, String name, Action action, String detail) {
        Line line = new Line(kind, name, action, detail);
        lines.add(line);
        listener.accept(line);
    }

    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines that changed something; empty on a second pass over an unchanged project. */
    public List<Line> changes() {
        return lines().stream().filter(l -> l.action() != Action.UNCHANGED).toList();
    }
}
