package com.toprise.common.test;

import com.toprise.common.access.AccessControlState;
import com.toprise.common.access.AccessControlStore;
import com.toprise.common.access.Action;
import com.toprise.common.access.PermissionMatrix;
import com.toprise.common.access.Scope;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The permission matrix of a test, row by row as user-service keeps it (role × resource → read, write, delete).
 * Every edit is published to the store and loaded into the service's {@link AccessControlState} at once, so the
 * next request is checked against it; a row never set is NONE, as in production.
 */
public final class TestMatrix {

    private final AccessControlStore store;
    private final AccessControlState state;
    private final Map<String, Scope> cells = new HashMap<>();
    private final Set<String> deactivated = new HashSet<>();

    public TestMatrix(AccessControlStore store, AccessControlState state) {
        this.store = store;
        this.state = state;
    }

    /** Sets one row, replacing what it held. */
    public synchronized TestMatrix row(String role, String resource, Scope read, Scope write, Scope delete) {
        cells.put(PermissionMatrix.key(role, resource, Action.READ), read);
        cells.put(PermissionMatrix.key(role, resource, Action.WRITE), write);
        cells.put(PermissionMatrix.key(role, resource, Action.DELETE), delete);
        return publish();
    }

    /** Marks an account deactivated, as user-service does when an admin turns it off. */
    public synchronized TestMatrix deactivate(String userId) {
        deactivated.add(userId);
        return publish();
    }

    /** Forgets every row and deactivation (an empty matrix is never loaded, so set rows after this). */
    public synchronized TestMatrix reset() {
        cells.clear();
        deactivated.clear();
        store.publish(PermissionMatrix.of(cells), deactivated);
        return this;
    }

    private TestMatrix publish() {
        store.publish(PermissionMatrix.of(cells), Set.copyOf(deactivated));
        if (!state.reload()) {
            throw new IllegalStateException("the service did not load the test matrix");
        }
        return this;
    }
}
