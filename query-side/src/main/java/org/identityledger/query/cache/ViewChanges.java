package org.identityledger.query.cache;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Announces that an account's views changed: to this instance once the transaction commits (before
 * the request that made the change can answer), and to every other instance through PostgreSQL's
 * NOTIFY, which PostgreSQL delivers at that same commit and never for a transaction that rolls back.
 */
@Component
public class ViewChanges {

    /** The channel other instances LISTEN on. */
    public static final String CHANNEL = "ledger_views";

    /** Payload kinds: one account's views; an erased account (its data key too); everything. */
    public static final String ACCOUNT = "account";
    public static final String ERASED = "erased";
    public static final String EVERYTHING = "everything";

    private final JdbcTemplate jdbc;
    private final ViewVersions versions;
    /** Names this instance in its payloads, so it does not hear its own changes twice. */
    private final String instance = UUID.randomUUID().toString();

    ViewChanges(JdbcTemplate jdbc, ViewVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    public String instance() {
        return instance;
    }

    public void accountChanged(String accountRef) {
        announce(ACCOUNT, accountRef, () -> versions.changed(accountRef), jdbc);
    }

    public void accountErased(String accountRef) {
        announce(ERASED, accountRef, () -> versions.changed(accountRef), jdbc);
    }

    public void everythingChanged() {
        announce(EVERYTHING, "", versions::everythingChanged, jdbc);
    }

    /**
     * In a transaction on a connection of its own (a rebuild's swap), which Spring does not see
     * commit: every instance, this one included, learns of it from the notification alone.
     */
    public static void everythingChangedThrough(JdbcTemplate through) {
        through.queryForObject("SELECT pg_notify(?, ?)", String.class, CHANNEL, "* " + EVERYTHING + " ");
    }

    /**
     * Once per payload and transaction: a suspension or a password change revokes every session of
     * the account in one transaction, and each revocation names the same account. PostgreSQL would
     * fold the identical notifications anyway; this also saves their round trips and hooks.
     */
    private void announce(String kind, String accountRef, Runnable locally, JdbcTemplate through) {
        String payload = instance + " " + kind + " " + accountRef;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            through.queryForObject("SELECT pg_notify(?, ?)", String.class, CHANNEL, payload);
            locally.run();
            return;
        }
        if (!announcedInThisTransaction().add(payload)) {
            return;
        }
        through.queryForObject("SELECT pg_notify(?, ?)", String.class, CHANNEL, payload);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                locally.run();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Set<String> announcedInThisTransaction() {
        Set<String> announced = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (announced == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ViewChanges.this);
                }
            });
            announced = fresh;
        }
        return announced;
    }
}
