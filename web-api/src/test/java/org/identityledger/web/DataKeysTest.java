package org.identityledger.web;

import org.identityledger.infrastructure.privacy.DataKeys;
import org.identityledger.web.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data keys on PostgreSQL, and what an instance may believe of them: a verdict of one
 * transaction (a key created, a key destroyed) is nobody else's until it commits, and a key tied to
 * a subject never outlives the subject's erasure, whichever commits first.
 */
class DataKeysTest extends IntegrationTest {

    @Autowired
    private DataKeys dataKeys;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    private static String subject() {
        return "acc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    @Test
    void anErasureThatRollsBackLeavesTheKeyUsable() {
        String subject = subject();
        transaction().executeWithoutResult(status -> dataKeys.keyToSeal(subject));
        transaction().executeWithoutResult(status -> {
            dataKeys.destroy(subject);
            assertThat(dataKeys.keyToOpen(subject, true).erased()).as("erased inside its own transaction").isTrue();
            status.setRollbackOnly();
        });
        assertThat(dataKeys.keyToOpen(subject, true).erased()).isFalse();
        assertThat(dataKeys.keyToSeal(subject)).isPresent();
    }

    @Test
    void anUncommittedErasureIsNotBelievedByAnotherTransaction() throws Exception {
        String subject = subject();
        transaction().executeWithoutResult(status -> dataKeys.keyToSeal(subject));
        CountDownLatch destroyed = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService eraser = Executors.newSingleThreadExecutor();
        try {
            Future<?> erasure = eraser.submit(() -> transaction().executeWithoutResult(status -> {
                dataKeys.destroy(subject);
                destroyed.countDown();
                try {
                    checked.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                status.setRollbackOnly();
            }));
            assertThat(destroyed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(dataKeys.keyToOpen(subject, true).erased()).as("an erasure not yet committed").isFalse();
            checked.countDown();
            erasure.get(10, TimeUnit.SECONDS);
        } finally {
            eraser.shutdownNow();
        }
        assertThat(dataKeys.keyToOpen(subject, true).erased()).isFalse();
    }

    @Test
    void aKeyCreatedByATransactionThatRollsBackIsNeverUsedBySomeoneElse() {
        String subject = subject();
        transaction().executeWithoutResult(status -> {
            dataKeys.keyToSeal(subject);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM data_key WHERE subject = ?", Long.class, subject)).isZero();
        var created = transaction().execute(status -> dataKeys.keyToSeal(subject).orElseThrow());
        assertThat(dataKeys.keyToOpen(subject, true).key()).isEqualTo(created);
    }

    @Test
    void aDependentTiedToASubjectAlreadyErasedIsErasedAtOnce() {
        String account = subject();
        String invitation = "inv_" + UUID.randomUUID();
        transaction().executeWithoutResult(status -> dataKeys.keyToSeal(invitation));
        transaction().executeWithoutResult(status -> dataKeys.destroy(account));
        transaction().executeWithoutResult(status -> dataKeys.eraseWith(invitation, account));
        assertThat(dataKeys.keyToOpen(invitation, true).erased()).isTrue();
    }

    @Test
    void aDependentWrittenOnlyInClearStillGoesWithItsSubject() {
        String account = subject();
        String invitation = "inv_" + UUID.randomUUID();
        transaction().executeWithoutResult(status -> dataKeys.eraseWith(invitation, account));
        assertThat(dataKeys.keyToOpen(invitation, false).erased()).isFalse();
        transaction().executeWithoutResult(status -> dataKeys.destroy(account));
        assertThat(dataKeys.keyToOpen(invitation, false).erased()).isTrue();
    }

    /** The tie and the erasure race: whichever commits first, the dependent's key is gone afterwards. */
    @Test
    void aTieRacingTheSubjectsErasureNeverOutlivesIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String account = subject();
                String invitation = "inv_" + UUID.randomUUID();
                transaction().executeWithoutResult(status -> dataKeys.keyToSeal(account));
                transaction().executeWithoutResult(status -> dataKeys.keyToSeal(invitation));
                CountDownLatch start = new CountDownLatch(1);
                Future<?> tie = pool.submit(() -> {
                    start.await();
                    transaction().executeWithoutResult(status -> dataKeys.eraseWith(invitation, account));
                    return null;
                });
                Future<?> erasure = pool.submit(() -> {
                    start.await();
                    transaction().executeWithoutResult(status -> dataKeys.destroy(account));
                    return null;
                });
                start.countDown();
                tie.get(10, TimeUnit.SECONDS);
                erasure.get(10, TimeUnit.SECONDS);
                assertThat(jdbc.queryForObject("SELECT sealed_key IS NULL FROM data_key WHERE subject = ?", Boolean.class, invitation))
                        .as("round %d", round).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
