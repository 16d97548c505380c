package com.toprise.user.permission;

import com.toprise.common.access.AccessControlStore;
import com.toprise.common.access.Action;
import com.toprise.common.access.PermissionMatrix;
import com.toprise.common.access.Scope;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.account.UserAccountRepository;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps the permission matrix: MongoDB holds it (seeded from {@link DefaultPermissions} when empty), Redis carries
 * it with the deactivated accounts to every service ({@link AccessControlStore}). Published after every change,
 * at start-up and on a timer, so a lost Redis or a failed publication heals by itself.
 */
@Service
@Order(0)
class PermissionMatrixAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PermissionMatrixAdmin.class);

    private final PermissionRepository permissions;
    private final UserAccountRepository accounts;
    private final AccessControlStore store;
    private final RedissonClient redis;
    private final DefaultPermissions defaults;
    private final Clock clock = Clock.systemUTC();

    PermissionMatrixAdmin(PermissionRepository permissions, UserAccountRepository accounts, AccessControlStore store,
                          RedissonClient redis, DefaultPermissions defaults) {
        this.permissions = permissions;
        this.accounts = accounts;
        this.store = store;
        this.redis = redis;
        this.defaults = defaults;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (permissions.count() == 0) {
            permissions.saveAll(defaults.entries(clock.instant()));
            log.info("seeded the permission matrix with the defaults ({} rows)", permissions.count());
        }
        publishQuietly();
    }

    PermissionEntry change(String role, String resource, PermissionChange change, String actingUserId) {
        PermissionEntry existing = permissions.findById(PermissionEntry.idOf(role, resource))
                .orElseThrow(() -> new ResourceNotFoundException("permissions", role + "/" + resource));
        if (Role.SUPER_ADMIN.name().equals(role) && "permissions".equals(resource)
                && (change.read() != Scope.ALL || change.write() != Scope.ALL)) {
            throw new ConflictException("Super-admin must keep reading and writing the permission matrix, "
                    + "or nobody could ever change it again.");
        }
        PermissionEntry changed = permissions.save(new PermissionEntry(existing.id(), role, resource, change.read(),
                change.write(), change.delete(), clock.instant(), actingUserId));
        publish();
        return changed;
    }

    @Scheduled(fixedDelayString = "${toprise.security.access-control.republish-interval:60s}",
            initialDelayString = "${toprise.security.access-control.republish-interval:60s}")
    void republish() {
        publishQuietly();
    }

    private void publishQuietly() {
        try {
            publish();
        } catch (RuntimeException e) {
            log.warn("cannot publish the permission matrix now, the next republish retries: {}", e.toString());
        }
    }

    /** Under a lock, so two publications racing cannot leave the older one in Redis. */
    private void publish() {
        RLock lock = redis.getLock("access-control:publish");
        try {
            if (!lock.tryLock(5, 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the publication lock is busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            Map<String, Scope> cells = new HashMap<>();
            for (PermissionEntry entry : permissions.findAll()) {
                cells.put(PermissionMatrix.key(entry.role(), entry.resource(), Action.READ), entry.read());
                cells.put(PermissionMatrix.key(entry.role(), entry.resource(), Action.WRITE), entry.write());
                cells.put(PermissionMatrix.key(entry.role(), entry.resource(), Action.DELETE), entry.delete());
            }
            Set<String> deactivated = accounts.findDeactivated().stream()
                    .map(UserAccountRepository.IdOnly::id).collect(Collectors.toSet());
            store.publish(PermissionMatrix.of(cells), deactivated);
        } finally {
            lock.unlock();
        }
    }
}
