package org.identityledger.infrastructure.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.identityledger.infrastructure.crypto.Randomness;
import org.identityledger.infrastructure.token.KeyEncryptionKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-subject data keys that seal personal and credential fields in events. A key is created
 * with the subject's first sealed event, in that event's transaction, and destroyed by erasure in
 * the erasure event's transaction; the row then stays, keyless, so readers know the subject is
 * erased. Opened keys are cached briefly: a local erasure replaces the entry when it commits, another
 * instance's when its notification arrives ({@link #erasedElsewhere}; at the latest within
 * {@link #CACHE_LIFETIME} should that channel be down); the cache is bounded so a stream over many accounts
 * cannot grow it, and holds only what PostgreSQL has committed.
 */
@Component
public class DataKeys {

    static final Duration CACHE_LIFETIME = Duration.ofSeconds(60);
    private static final int CACHE_ENTRIES = 20_000;
    private static final int KEY_BYTES = 32;
    private static final String PURPOSE = "data-key:";

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKey keyEncryptionKey;
    private final Clock clock;
    private final Cache<String, SubjectKey> cache = Caffeine.newBuilder()
            .maximumSize(CACHE_ENTRIES)
            .expireAfterWrite(CACHE_LIFETIME)
            .build();
    /** Counts erasures committed on this instance, so a load that overlapped one is not cached. */
    private final AtomicLong erasuresCommitted = new AtomicLong();

    public DataKeys(JdbcTemplate jdbc, KeyEncryptionKey keyEncryptionKey, Clock clock) {
        this.jdbc = jdbc;
        this.keyEncryptionKey = keyEncryptionKey;
        this.clock = clock;
    }

    /**
     * Another instance erased a subject (heard through the view-change channel): forget every cached
     * key, so its erasure holds here within that notification's delay instead of the cache lifetime.
     * Counted first, so a load that overlapped it is not cached either.
     */
    public void erasedElsewhere() {
        erasuresCommitted.incrementAndGet();
        cache.invalidateAll();
    }

    /** A subject's key as found: present, erased, or (a subject written only in clear) never created. */
    public record SubjectKey(SecretKey key, boolean erased) {
        static final SubjectKey ERASED = new SubjectKey(null, true);
        static final SubjectKey NONE = new SubjectKey(null, false);
    }

    /** The key to seal with, created in the current transaction if the subject has none; empty once erased. */
    public Optional<SecretKey> keyToSeal(String subject) {
        SubjectKey found = find(subject);
        if (found.erased()) {
            return Optional.empty();
        }
        if (found.key() != null) {
            return Optional.of(found.key());
        }
        return Optional.ofNullable(create(subject).key());
    }

    /**
     * The key to open with; {@code erased()} tells a destroyed key from a subject never sealed. For a
     * sealed payload a cached "no key" is not believed: the key may have been created since, elsewhere.
     */
    public SubjectKey keyToOpen(String subject, boolean sealed) {
        SubjectKey found = find(subject);
        if (sealed && found == SubjectKey.NONE) {
            found = loadAndRemember(subject);
        }
        return found;
    }

    /** Destroys the subject's key in the current transaction; readers in it see "[erased]" at once, others once it commits. */
    public void destroy(String subject) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO data_key (subject, sealed_key, created_at, erased_at) VALUES (?, NULL, ?, ?)"
                + " ON CONFLICT (subject) DO UPDATE SET sealed_key = NULL, erased_at = EXCLUDED.erased_at", subject, now, now);
        decided(subject, SubjectKey.ERASED);
        for (String dependent : jdbc.queryForList("UPDATE data_key SET sealed_key = NULL, erased_at = ?"
                + " WHERE erase_with = ? AND sealed_key IS NOT NULL RETURNING subject", String.class, now, subject)) {
            decided(dependent, SubjectKey.ERASED);
        }
    }

    /**
     * Ties {@code dependent}'s key to {@code subject}: erasing the subject destroys both. Serialised
     * with the subject's erasure on the subject's key row: an erasure that committed first is seen
     * here and takes the dependent with it at once; one that comes later finds the tie. A dependent
     * written only in clear (an invitation from before sealing) gets a key row to carry the tie.
     */
    public void eraseWith(String dependent, String subject) {
        boolean subjectErased = keyToSeal(subject).isEmpty()
                || jdbc.queryForList("SELECT sealed_key IS NULL FROM data_key WHERE subject = ? FOR SHARE", Boolean.class, subject)
                .stream().anyMatch(Boolean.TRUE::equals);
        if (subjectErased) {
            destroy(dependent);
            return;
        }
        if (keyToSeal(dependent).isPresent()) {
            jdbc.update("UPDATE data_key SET erase_with = ? WHERE subject = ?", subject, dependent);
        }
    }

    private SubjectKey find(String subject) {
        Map<String, SubjectKey> pending = pendingVerdicts(false);
        if (pending != null && pending.containsKey(subject)) {
            return pending.get(subject);
        }
        SubjectKey cached = cache.getIfPresent(subject);
        if (cached != null) {
            return cached;
        }
        // "No key" is cached too: a stream over events stored in clear before sealing asks once per subject.
        return loadAndRemember(subject);
    }

    /**
     * Only what PostgreSQL has committed enters the shared cache, and never over an erasure: a load
     * that overlapped an erasure committing on this instance is used once and not kept, and an
     * erased verdict already cached always wins against a key loaded before it.
     */
    private SubjectKey loadAndRemember(String subject) {
        long erasuresBefore = erasuresCommitted.get();
        SubjectKey loaded = load(subject);
        if (erasuresCommitted.get() == erasuresBefore) {
            cache.asMap().merge(subject, loaded, (cached, fresh) -> cached.erased() ? cached : fresh);
            // An erasure heard from elsewhere between the check and the merge empties the cache
            // without knowing this entry: take it back out.
            if (erasuresCommitted.get() != erasuresBefore) {
                cache.asMap().remove(subject, loaded);
            }
        }
        return loaded;
    }

    private SubjectKey load(String subject) {
        List<byte[]> rows = jdbc.query("SELECT sealed_key FROM data_key WHERE subject = ?",
                (row, index) -> Optional.ofNullable(row.getBytes(1)).orElse(new byte[0]), subject);
        if (rows.isEmpty()) {
            return SubjectKey.NONE;
        }
        byte[] sealed = rows.get(0);
        if (sealed.length == 0) {
            return SubjectKey.ERASED;
        }
        byte[] key = Base64.getDecoder().decode(keyEncryptionKey.open(sealed, PURPOSE + subject));
        return new SubjectKey(new SecretKeySpec(key, "AES"), false);
    }

    private SubjectKey create(String subject) {
        byte[] key = new byte[KEY_BYTES];
        Randomness.current().nextBytes(key);
        byte[] sealed = keyEncryptionKey.seal(Base64.getEncoder().encodeToString(key), PURPOSE + subject);
        // Two first writes for one subject (two logins of an account from before sealing) race here:
        // the second waits on the first's row, and then uses whichever key committed.
        int inserted = jdbc.update("INSERT INTO data_key (subject, sealed_key, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (subject) DO NOTHING", subject, sealed, Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return loadAndRemember(subject);
        }
        SubjectKey created = new SubjectKey(new SecretKeySpec(key, "AES"), false);
        decided(subject, created);
        return created;
    }

    /**
     * A verdict of the current transaction (a key it created, a key it destroyed) is its own until it
     * commits: other transactions on this instance must not seal with a key that may roll back, nor
     * write "[erased]" for an erasure that may. At commit it enters the shared cache.
     */
    private void decided(String subject, SubjectKey verdict) {
        Map<String, SubjectKey> pending = pendingVerdicts(true);
        if (pending == null) {
            publish(subject, verdict);
        } else {
            pending.put(subject, verdict);
        }
    }

    private void publish(String subject, SubjectKey verdict) {
        if (verdict.erased()) {
            erasuresCommitted.incrementAndGet();
            cache.put(subject, verdict);
        } else {
            cache.asMap().merge(subject, verdict, (cached, fresh) -> cached.erased() ? cached : fresh);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, SubjectKey> pendingVerdicts(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, SubjectKey> pending = (Map<String, SubjectKey>) TransactionSynchronizationManager.getResource(this);
        if (pending == null && create) {
            Map<String, SubjectKey> verdicts = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, verdicts);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    verdicts.forEach(DataKeys.this::publish);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DataKeys.this);
                }
            });
            pending = verdicts;
        }
        return pending;
    }
}

