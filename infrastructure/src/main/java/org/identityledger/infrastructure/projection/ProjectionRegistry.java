package org.identityledger.infrastructure.projection;

import org.identityledger.command.account.AccountLookupProjection;
import org.identityledger.command.staff.StaffLookupProjection;
import org.identityledger.infrastructure.housekeeping.SessionPurge;
import org.identityledger.query.account.AccountProjection;
import org.identityledger.query.authorization.AuthorizationProjection;
import org.identityledger.query.session.SessionProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Every read model an operator can rebuild, by name: the query side's views and the command side's
 * lookups that are built from events alone (addresses and token hashes, staff grants). Not here:
 * account_credential (the password hashes are deliberately not in the events, so nothing can rebuild
 * them); the session lookups, whose refresh-token rows the retention purge removes by a rule a copy
 * cannot yet reproduce row for row; and the business lookups, which keep an accepted invitation's
 * token hash that an erasure of the accepting account makes unreadable in the ledger (the next step:
 * drop that row when the account is erased).
 */
@Component
public class ProjectionRegistry {

    private final List<RebuildableProjection> projections;

    ProjectionRegistry(SessionPurge sessionPurge, JdbcTemplate jdbc) {
        this.projections = List.of(
                new RebuildableProjection("sessions", 1, SessionProjection::writingThrough, List.of("session_view"),
                        new RebuildableProjection.Reconciliation() {
                            @Override
                            public void reconcile(String live, String shadow) {
                                carryLastSeen(jdbc, live, shadow, null);
                                // Ended sessions leave the live table after the retention period; the replay brought them back.
                                sessionPurge.purgeFromCopy(shadow, live);
                            }

                            @Override
                            public void reconcileRecent(String live, String shadow, java.time.Instant since) {
                                carryLastSeen(jdbc, live, shadow, since);
                            }
                        }),
                new RebuildableProjection("accounts", 2, AccountProjection::writingThrough, List.of("account_view"), RebuildableProjection.Reconciliation.NONE),
                new RebuildableProjection("authorization", 3, AuthorizationProjection::writingThrough,
                        List.of("business_view", "membership_view", "staff_grant_view", "invitation_view"),
                        RebuildableProjection.Reconciliation.NONE),
                new RebuildableProjection("account-lookups", 4, AccountLookupProjection::new,
                        List.of("account_lookup", "verification_token_lookup", "password_reset_token_lookup"),
                        RebuildableProjection.Reconciliation.NONE),
                new RebuildableProjection("staff-lookups", 5, StaffLookupProjection::new, List.of("staff_grant_lookup"),
                        RebuildableProjection.Reconciliation.NONE));
    }

    /**
     * A session's last activity is written by requests (throttled), not by events: the live value carries
     * over; under the swap's lock only the rows touched since the verification began (a margin covers
     * the clock of the instance that wrote them).
     */
    private static void carryLastSeen(JdbcTemplate jdbc, String live, String shadow, java.time.Instant since) {
        String sql = "UPDATE " + shadow + ".session_view s SET last_seen_at = l.last_seen_at FROM " + live
                + ".session_view l WHERE l.session_id = s.session_id AND l.last_seen_at > s.last_seen_at";
        if (since == null) {
            jdbc.update(sql);
        } else {
            jdbc.update(sql + " AND l.last_seen_at >= ?", java.sql.Timestamp.from(since.minusSeconds(60)));
        }
    }

    public List<RebuildableProjection> all() {
        return projections;
    }

    public Optional<RebuildableProjection> find(String name) {
        return projections.stream().filter(projection -> projection.name().equals(name)).findFirst();
    }
}
