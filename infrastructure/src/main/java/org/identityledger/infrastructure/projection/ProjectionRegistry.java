package org.identityledger.infrastructure.projection;

import org.identityledger.infrastructure.housekeeping.SessionPurge;
import org.identityledger.query.account.AccountProjection;
import org.identityledger.query.authorization.AuthorizationProjection;
import org.identityledger.query.session.SessionProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Every read model an operator can rebuild, by name. The command side's lookups (email, tokens,
 * handles, grants) are not here: they guard commands and hold what the events deliberately do not
 * (password hashes live in account_credential), so they are rebuilt by no one but their handlers.
 */
@Component
public class ProjectionRegistry {

    private final List<RebuildableProjection> projections;

    ProjectionRegistry(SessionPurge sessionPurge, JdbcTemplate jdbc) {
        this.projections = List.of(
                new RebuildableProjection("sessions", 1, SessionProjection::writingThrough, List.of("session_view"), (live, shadow) -> {
                    // A session's last activity is written by requests (throttled), not by events: the live value carries over.
                    jdbc.update("UPDATE " + shadow + ".session_view s SET last_seen_at = l.last_seen_at FROM " + live
                            + ".session_view l WHERE l.session_id = s.session_id AND l.last_seen_at > s.last_seen_at");
                    // Ended sessions leave the live table after the retention period; the replay brought them back.
                    sessionPurge.purgeFromCopy(shadow, live);
                }),
                new RebuildableProjection("accounts", 2, AccountProjection::writingThrough, List.of("account_view"), RebuildableProjection.Reconciliation.NONE),
                new RebuildableProjection("authorization", 3, AuthorizationProjection::writingThrough,
                        List.of("business_view", "membership_view", "staff_grant_view", "invitation_view"),
                        RebuildableProjection.Reconciliation.NONE));
    }

    public List<RebuildableProjection> all() {
        return projections;
    }

    public Optional<RebuildableProjection> find(String name) {
        return projections.stream().filter(projection -> projection.name().equals(name)).findFirst();
    }
}
