package org.identityledger.query.authorization;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Reads a business's team and open invitations. Both are bounded by what one business can hold
 * (a team, its open invitations); each read is one indexed query.
 */
@Component
public class TeamQueryHandler {

    /** Pagination is not built yet: a list stops here rather than growing without bound. */
    static final int MAX_LISTED = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TeamQueryHandler(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public TeamMembers handle(ListMembersQuery query) {
        return new TeamMembers(jdbc.query("SELECT m.account_ref, a.email, a.display_name, m.role, m.joined_at"
                        + " FROM membership_view m JOIN account_view a ON a.account_ref = m.account_ref WHERE m.business_id = ?"
                        + " ORDER BY m.joined_at, m.account_ref LIMIT " + MAX_LISTED,
                (row, index) -> new TeamMembers.Member(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant()), query.businessId()));
    }

    @QueryHandler
    public OpenInvitations handle(ListOpenInvitationsQuery query) {
        return new OpenInvitations(jdbc.query("SELECT invitation_id, email, role, expires_at FROM invitation_view"
                        + " WHERE business_id = ? AND state = 'open' AND expires_at > ? ORDER BY issued_at, invitation_id LIMIT "
                        + MAX_LISTED,
                (row, index) -> new OpenInvitations.Invitation(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant()), query.businessId(), Timestamp.from(clock.instant())));
    }

    @QueryHandler
    public BusinessSummary handle(FindBusinessByHandleQuery query) {
        return jdbc.query("SELECT business_id, handle, name, state FROM business_view WHERE handle = ?",
                (row, index) -> new BusinessSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                query.handle()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public BusinessList handle(ListBusinessesQuery query) {
        return new BusinessList(jdbc.query("SELECT b.business_id, b.handle, b.name, b.state,"
                        + " (SELECT count(*) FROM membership_view m WHERE m.business_id = b.business_id)"
                        + " FROM business_view b ORDER BY b.handle LIMIT ?",
                (row, index) -> new BusinessList.Entry(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5)), Math.min(query.limit(), MAX_LISTED)));
    }
}
