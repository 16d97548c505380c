package com.toprise.common.access;

import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the permission matrix and the deactivated accounts are published for every service to read: Redis, a cache
 * of what user-service keeps in its database. A hash of matrix cells, a set of deactivated user ids, and a topic that
 * tells readers to reload. Full publications replace both atomically (MULTI/EXEC), so a reader never sees half.
 */
public class AccessControlStore {

    static final String PERMISSIONS = "access-control:permissions";
    static final String DEACTIVATED = "access-control:deactivated-users";
    static final String CHANGES = "access-control:changes";

    private final RedissonClient redis;

    public AccessControlStore(RedissonClient redis) {
        this.redis = redis;
    }

    /** Replaces everything, then tells every reader. */
    public void publish(PermissionMatrix matrix, Set<String> deactivatedUserIds) {
        RBatch batch = redis.createBatch(BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
        batch.getMap(PERMISSIONS, StringCodec.INSTANCE).deleteAsync();
        Map<String, String> cells = new HashMap<>();
        matrix.cells().forEach((key, scope) -> cells.put(key, scope.name()));
        if (!cells.isEmpty()) {
            batch.<String, String>getMap(PERMISSIONS, StringCodec.INSTANCE).putAllAsync(cells);
        }
        batch.getSet(DEACTIVATED, StringCodec.INSTANCE).deleteAsync();
        if (!deactivatedUserIds.isEmpty()) {
            batch.<String>getSet(DEACTIVATED, StringCodec.INSTANCE).addAllAsync(deactivatedUserIds);
        }
        batch.execute();
        announce();
    }

    public void setDeactivated(String userId, boolean deactivated) {
        var set = redis.<String>getSet(DEACTIVATED, StringCodec.INSTANCE);
        if (deactivated) {
            set.add(userId);
        } else {
            set.remove(userId);
        }
        announce();
    }

    /** Empty when nothing has been published yet. */
    PermissionMatrix readMatrix() {
        Map<String, String> stored = redis.<String, String>getMap(PERMISSIONS, StringCodec.INSTANCE).readAllMap();
        Map<String, Scope> cells = new HashMap<>();
        stored.forEach((key, scope) -> cells.put(key, Scope.valueOf(scope)));
        return PermissionMatrix.of(cells);
    }

    Set<String> readDeactivated() {
        return redis.<String>getSet(DEACTIVATED, StringCodec.INSTANCE).readAll();
    }

    void onChange(Runnable listener) {
        redis.getTopic(CHANGES, StringCodec.INSTANCE).addListener(String.class, (channel, message) -> listener.run());
    }

    private void announce() {
        redis.getTopic(CHANGES, StringCodec.INSTANCE).publish("changed");
    }
}
