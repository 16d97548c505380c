package com.toprise.common.access;

import com.toprise.common.web.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This service's copy of the permission matrix and of the deactivated accounts, answered from memory on every
 * request. It reloads when the store announces a change (so an edit is in force everywhere within milliseconds)
 * and on a timer (so a missed announcement, or Redis coming back, heals within the refresh interval). When Redis
 * is unreachable the last loaded copy stays in force; before anything was ever loaded, requests needing it get 503.
 */
public class AccessControlState implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessControlState.class);

    private final AccessControlStore store;
    private final Duration refreshInterval;
    private volatile PermissionMatrix matrix;
    private volatile Set<String> deactivated = Set.of();
    private volatile ScheduledExecutorService timer;
    private boolean subscribed;

    public AccessControlState(AccessControlStore store, Duration refreshInterval) {
        this.store = store;
        this.refreshInterval = refreshInterval;
    }

    public Scope scope(String role, String resource, Action action) {
        return loadedMatrix().scope(role, resource, action);
    }

    public boolean isDeactivated(String userId) {
        loadedMatrix();
        return deactivated.contains(userId);
    }

    /** Reads both from the store now; false (and the old copy kept) when the store cannot be read. */
    public synchronized boolean reload() {
        try {
            PermissionMatrix loaded = store.readMatrix();
            Set<String> loadedDeactivated = Set.copyOf(store.readDeactivated());
            if (loaded.cells().isEmpty()) {
                return false;
            }
            matrix = loaded;
            deactivated = loadedDeactivated;
            return true;
        } catch (RuntimeException e) {
            log.warn("cannot reload the permission matrix, keeping the copy loaded before: {}", e.toString());
            return false;
        }
    }

    private PermissionMatrix loadedMatrix() {
        PermissionMatrix current = matrix;
        if (current == null && reload()) {
            current = matrix;
        }
        if (current == null) {
            throw new ServiceUnavailableException("The permission matrix is not available yet.", null);
        }
        return current;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "access-control-refresh");
            thread.setDaemon(true);
            return thread;
        });
        timer = executor;
        executor.scheduleWithFixedDelay(() -> refresh(executor), 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh(ScheduledExecutorService executor) {
        if (!subscribed) {
            try {
                store.onChange(() -> executor.execute(this::reload));
                subscribed = true;
            } catch (RuntimeException e) {
                log.warn("cannot subscribe to permission changes yet, retrying with the next refresh: {}", e.toString());
            }
        }
        reload();
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        if (executor != null) {
            executor.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
