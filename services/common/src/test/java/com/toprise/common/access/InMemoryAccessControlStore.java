package com.toprise.common.access;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An {@link AccessControlStore} held in memory instead of Redis, for tests of a service: what is published is what
 * {@link AccessControlState} reads back on its next reload. It sits in this package because the read side of the
 * store is package-private: services see only publish and deactivate, as in production.
 */
public class InMemoryAccessControlStore extends AccessControlStore {

    private volatile PermissionMatrix matrix = PermissionMatrix.of(Map.of());
    private final Set<String> deactivated = new HashSet<>();

    public InMemoryAccessControlStore() {
        super(null);
    }

    @Override
    public synchronized void publish(PermissionMatrix published, Set<String> deactivatedUserIds) {
        matrix = published;
        deactivated.clear();
        deactivated.addAll(deactivatedUserIds);
    }

    @Override
    public synchronized void setDeactivated(String userId, boolean isDeactivated) {
        if (isDeactivated) {
            deactivated.add(userId);
        } else {
            deactivated.remove(userId);
        }
    }

    /** The matrix last published, for a test to see what a service told every other one. */
    public PermissionMatrix publishedMatrix() {
        return matrix;
    }

    /** The accounts published as deactivated, for a test to see what a service told every other one. */
    public synchronized Set<String> deactivatedUserIds() {
        return Set.copyOf(deactivated);
    }

    @Override
    PermissionMatrix readMatrix() {
        return matrix;
    }

    @Override
    synchronized Set<String> readDeactivated() {
        return Set.copyOf(deactivated);
    }

    /** Nothing announces changes here: {@link com.toprise.common.test.TestMatrix} reloads the state itself. */
    @Override
    void onChange(Runnable listener) {
    }
}
