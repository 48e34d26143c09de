package org.identityledger.infrastructure.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache held strongly, bounded in entries and idle time (Caffeine). The weak-
 * reference cache it replaces lost its entries at every collection of a small heap, so most
 * refreshes loaded their session from the event store: snapshot, events since, and every sealed
 * field opened again (the largest share of a refresh's CPU in the profile, BENCHMARKS.md).
 * No component here listens for entries; a listener registered anyway is never called.
 */
final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    BoundedAggregateCache(long maxEntries, Duration maxIdle) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(maxIdle)
                .executor(Runnable::run).build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        return () -> true;
    }
}
