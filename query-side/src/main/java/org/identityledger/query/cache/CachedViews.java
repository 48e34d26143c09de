package org.identityledger.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.identityledger.events.session.SessionContext;
import org.identityledger.events.session.SessionLiveness;
import org.identityledger.query.account.AccountQueryHandler;
import org.identityledger.query.account.AccountSummary;
import org.identityledger.query.account.FindAccountQuery;
import org.identityledger.query.session.FindLiveSessionByIdQuery;
import org.identityledger.query.session.FindLiveSessionQuery;
import org.identityledger.query.session.LiveSession;
import org.identityledger.query.session.SessionActivity;
import org.identityledger.query.session.SessionQueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The hot path's views (a live session by cookie hash or by id, an account's summary) kept in this
 * process, so that "who is this session?" costs no round trip while nothing about the account has
 * changed. Whether an entry may be believed is {@link ViewVersions}'s; a session entry is also held
 * to the liveness rule ({@link SessionLiveness}) at every use. Once its recorded activity is a
 * minute old, the use is written down (as before, at most once a minute) and the entry kept when
 * that write finds the session unrevoked and not recorded since; else it is read again. (Reading
 * every session again once a minute cost 12 % of the service's CPU under {@code /me} load on 5,000
 * sessions: one query per session per minute, each worth about ten cached answers.)
 * Bounded in entries and age; nothing absent is cached (an unknown cookie is read every time).
 */
@Component
public class CachedViews {

    private final Cache<String, Entry> entries;
    private final ViewVersions versions;
    private final SessionQueryHandler sessions;
    private final AccountQueryHandler accounts;
    private final SessionActivity activity;
    private final Clock clock;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    CachedViews(ViewVersions versions, SessionQueryHandler sessions, AccountQueryHandler accounts, SessionActivity activity,
                Clock clock, @Value("${identity.view-cache.max-entries:100000}") long maxEntries,
                @Value("${identity.view-cache.max-age:PT10M}") Duration maxAge) {
        this.versions = versions;
        this.sessions = sessions;
        this.accounts = accounts;
        this.activity = activity;
        this.clock = clock;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).executor(Runnable::run).build();
    }

    /** The live browser session whose cookie secret has this hash, in this context; or null. */
    public LiveSession browserSession(String secretHash, SessionContext context) {
        return session("browser " + context.wireName() + " " + secretHash,
                () -> sessions.handle(new FindLiveSessionQuery(secretHash, context)));
    }

    /** The live session with this id (a bearer token's sid); or null. */
    public LiveSession sessionById(String sessionId) {
        return session("session " + sessionId, () -> sessions.handle(new FindLiveSessionByIdQuery(sessionId)));
    }

    public AccountSummary account(String accountRef) {
        String key = "account " + accountRef;
        Entry cached = believable(key);
        if (cached != null) {
            hits.increment();
            return (AccountSummary) cached.value();
        }
        return load(key, AccountSummary::accountRef, () -> accounts.handle(new FindAccountQuery(accountRef)));
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /**
     * One lookup per use: a believable, live entry is the answer; once its use is due to be
     * recorded, it stays the answer if recording it finds the read model agreeing.
     */
    private LiveSession session(String key, Supplier<LiveSession> load) {
        Entry cached = believable(key);
        if (cached != null) {
            LiveSession session = (LiveSession) cached.value();
            Instant now = clock.instant();
            if (SessionLiveness.isLiveAt(now, session.expiresAt(), session.lastSeenAt(), session.idleTimeout())) {
                LiveSession seen = activity.isDue(session, now) ? activity.recordIfUnchanged(session) : session;
                if (seen != null) {
                    if (seen != session) {
                        // The stamp stays the one read with the session: a change since still discards the entry.
                        entries.put(key, new Entry(seen, cached.accountRef(), cached.stamp()));
                    }
                    hits.increment();
                    return seen;
                }
            }
        }
        return load(key, LiveSession::accountRef, () -> seen(load.get()));
    }

    /** Its activity is recorded when read, so a cached session never needs a write. */
    private LiveSession seen(LiveSession session) {
        return session == null ? null : activity.record(session);
    }

    /** The cached entry under this key, if nothing about its account has changed since it was read. */
    private Entry believable(String key) {
        Entry cached = entries.getIfPresent(key);
        return cached != null && versions.unchangedSince(cached.accountRef(), cached.stamp()) ? cached : null;
    }

    private <T> T load(String key, Function<T, String> accountOf, Supplier<T> load) {
        misses.increment();
        long stamp = versions.stamp();
        T loaded = load.get();
        if (loaded != null && versions.listening()) {
            entries.put(key, new Entry(loaded, accountOf.apply(loaded), stamp));
        }
        return loaded;
    }

    private record Entry(Object value, String accountRef, long stamp) {
    }
}
