package org.identityledger.query.cache;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each account's views last changed, as positions in one sequence, so that a cached view is
 * believed only if nothing about its account changed since the moment its read began.
 *
 * <p>The argument (docs/ARCHITECTURE.md, "Cached views"): a reader takes {@link #stamp()} before it
 * reads PostgreSQL. A change is announced ({@link #changed}) only after its transaction committed.
 * So either the announcement came before the stamp, and then the commit did too and the read sees
 * it; or it came after, and then its position is above the stamp and the entry is not believed.
 * No interleaving serves a view older than a change whose announcement has returned.
 *
 * <p>Accounts share stripes: two accounts on one stripe only cost each other a re-read. While
 * changes made by other instances cannot be heard ({@link #listening}), nothing cached is believed.
 */
@Component
public class ViewVersions {

    private static final int STRIPES = 1 << 14;

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray changedAt = new AtomicLongArray(STRIPES);
    private final AtomicLong everythingChangedAt = new AtomicLong();
    private volatile boolean listening;

    /** Taken before a read of PostgreSQL whose result may be cached. */
    public long stamp() {
        return sequence.get();
    }

    /** Whether a view of this account read under {@code stamp} is still what PostgreSQL holds. */
    public boolean unchangedSince(String accountRef, long stamp) {
        return listening && everythingChangedAt.get() <= stamp && changedAt.get(stripe(accountRef)) <= stamp;
    }

    /** Called after a transaction that changed this account's views committed (here or elsewhere). */
    public void changed(String accountRef) {
        long position = sequence.incrementAndGet();
        changedAt.accumulateAndGet(stripe(accountRef), position, Math::max);
    }

    /** A change whose accounts are not known one by one (a business renamed, a projection rebuilt). */
    public void everythingChanged() {
        long position = sequence.incrementAndGet();
        everythingChangedAt.accumulateAndGet(position, Math::max);
    }

    /**
     * Whether other instances' changes reach this one. Turning it on forgets everything cached
     * before, since changes made while nobody listened were not heard.
     */
    public void listening(boolean heard) {
        if (heard) {
            everythingChanged();
        }
        listening = heard;
    }

    public boolean listening() {
        return listening;
    }

    private static int stripe(String accountRef) {
        int hash = accountRef == null ? 0 : accountRef.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }
}
