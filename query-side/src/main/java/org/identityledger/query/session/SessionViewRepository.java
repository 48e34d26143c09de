package org.identityledger.query.session;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface SessionViewRepository extends JpaRepository<SessionView, String> {

    Optional<SessionView> findBySecretHash(String secretHash);

    List<SessionView> findByAccountRefAndRevokedAtIsNullOrderByStartedAtDesc(String accountRef);

    /** Idle tracking is throttled: only rows not touched for a while are written. */
    @Modifying
    @Query(value = "UPDATE session_view SET last_seen_at = :now WHERE session_id = :sessionId"
            + " AND last_seen_at < :touchedBefore AND revoked_at IS NULL", nativeQuery = true)
    int touch(String sessionId, Instant now, Instant touchedBefore);
}
