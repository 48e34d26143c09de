package org.identityledger.infrastructure.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.identityledger.infrastructure.token.KeyEncryptionKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The per-subject data keys that seal personal and credential fields in events. A key is created
 * with the subject's first sealed event, in that event's transaction, and destroyed by erasure in
 * the erasure event's transaction; the row then stays, keyless, so readers know the subject is
 * erased. Opened keys are cached briefly: a local erasure evicts at once, another instance's within
 * {@link #CACHE_LIFETIME}; the cache is bounded so a stream over many accounts cannot grow it.
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
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, SubjectKey> cache = Caffeine.newBuilder()
            .maximumSize(CACHE_ENTRIES)
            .expireAfterWrite(CACHE_LIFETIME)
            .build();

    public DataKeys(JdbcTemplate jdbc, KeyEncryptionKey keyEncryptionKey, Clock clock) {
        this.jdbc = jdbc;
        this.keyEncryptionKey = keyEncryptionKey;
        this.clock = clock;
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
            found = load(subject);
            cache.put(subject, found);
        }
        return found;
    }

    /** Destroys the subject's key in the current transaction; readers here see "[erased]" at once. */
    public void destroy(String subject) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO data_key (subject, sealed_key, created_at, erased_at) VALUES (?, NULL, ?, ?)"
                + " ON CONFLICT (subject) DO UPDATE SET sealed_key = NULL, erased_at = EXCLUDED.erased_at", subject, now, now);
        cache.put(subject, SubjectKey.ERASED);
        // Should the erasure roll back, the key is still in PostgreSQL: forget the local verdict.
        onRollback(() -> cache.invalidate(subject));
        for (String dependent : jdbc.queryForList("UPDATE data_key SET sealed_key = NULL, erased_at = ?"
                + " WHERE erase_with = ? AND sealed_key IS NOT NULL RETURNING subject", String.class, now, subject)) {
            cache.put(dependent, SubjectKey.ERASED);
            onRollback(() -> cache.invalidate(dependent));
        }
    }

    /** Ties {@code dependent}'s key to {@code subject}: erasing the subject destroys both. */
    public void eraseWith(String dependent, String subject) {
        jdbc.update("UPDATE data_key SET erase_with = ? WHERE subject = ?", subject, dependent);
    }

    private SubjectKey find(String subject) {
        SubjectKey cached = cache.getIfPresent(subject);
        if (cached != null) {
            return cached;
        }
        // "No key" is cached too: a stream over events stored in clear before sealing asks once per subject.
        SubjectKey loaded = load(subject);
        cache.put(subject, loaded);
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
        random.nextBytes(key);
        byte[] sealed = keyEncryptionKey.seal(Base64.getEncoder().encodeToString(key), PURPOSE + subject);
        // Two first writes for one subject (two logins of an account from before sealing) race here:
        // the second waits on the first's row, and then uses whichever key committed.
        int inserted = jdbc.update("INSERT INTO data_key (subject, sealed_key, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (subject) DO NOTHING", subject, sealed, Timestamp.from(clock.instant()));
        if (inserted == 0) {
            SubjectKey committed = load(subject);
            cache.put(subject, committed);
            return committed;
        }
        SubjectKey created = new SubjectKey(new SecretKeySpec(key, "AES"), false);
        cache.put(subject, created);
        // A key created by a transaction that rolls back never existed: the next attempt makes another.
        onRollback(() -> cache.invalidate(subject));
        return created;
    }

    private static void onRollback(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
