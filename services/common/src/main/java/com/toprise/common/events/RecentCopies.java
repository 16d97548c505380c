package com.toprise.common.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Copies of another service's records that a hot path reads on every request (the catalog entry of an ordered
 * SKU, a pincode), kept in memory for a short while so each read is not a store round trip. Absent records are
 * remembered too. The instance that applies a change forgets its entry at once ({@link #forget}); another
 * instance of the service, or a read that was loading the old copy while the change was applied, sees the change
 * after at most the time to live, on top of the event's own delay.
 *
 * @param <T> the copy
 */
public final class RecentCopies<T> {

    private final Cache<String, Optional<T>> copies;

    public RecentCopies(Duration timeToLive, long maxEntries) {
        this.copies = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maxEntries).build();
    }

    /** The copy of {@code id}, read with {@code load} (null: no such record) when it is not held. */
    public Optional<T> get(String id, Function<String, T> load) {
        return copies.get(id, key -> Optional.ofNullable(load.apply(key)));
    }

    /**
     * The copies of these ids that exist, by id. Those not held are read in one go: {@code load} gets the missing
     * ids and answers the copies it found; the others are remembered as absent.
     */
    public Map<String, T> getAll(Collection<String> ids, Function<Set<String>, Map<String, T>> load) {
        Map<String, Optional<T>> held = copies.getAll(ids, missing -> {
            Map<String, T> found = load.apply(Set.copyOf(missing));
            Map<String, Optional<T>> loaded = new HashMap<>();
            missing.forEach(id -> loaded.put(id, Optional.ofNullable(found.get(id))));
            return loaded;
        });
        Map<String, T> existing = new LinkedHashMap<>();
        held.forEach((id, copy) -> copy.ifPresent(c -> existing.put(id, c)));
        return existing;
    }

    /** Called after the stored copy changed. */
    public void forget(String id) {
        copies.invalidate(id);
    }
}
