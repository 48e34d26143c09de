package org.identityledger.query.authorization;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.identityledger.query.paging.Page;
import org.identityledger.query.paging.PagePosition;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.time.Clock;

/**
 * Reads a business's team and open invitations, and the businesses for admins: each a page (keyset:
 * the rows after the last one shown, in a stable order), each read one indexed query.
 */
@Component
public class TeamQueryHandler {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TeamQueryHandler(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public TeamMembers handle(ListMembersQuery query) {
        List<TeamMembers.Member> fetched = jdbc.query("SELECT m.account_ref, a.email, a.display_name, m.role, m.joined_at"
                        + " FROM membership_view m JOIN account_view a ON a.account_ref = m.account_ref WHERE m.business_id = ?"
                        + Page.after(query.after(), "lower(a.email) COLLATE \"C\"", "m.account_ref")
                        + " ORDER BY lower(a.email) COLLATE \"C\", m.account_ref LIMIT ?",
                (row, index) -> new TeamMembers.Member(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant()), Page.arguments(query.after(), query.limit(), query.businessId()));
        return new TeamMembers(Page.rows(fetched, query.limit()), Page.next(fetched, query.limit(),
                member -> new PagePosition(member.email().toLowerCase(Locale.ROOT), member.accountRef())));
    }

    @QueryHandler
    public OpenInvitations handle(ListOpenInvitationsQuery query) {
        List<OpenInvitations.Invitation> fetched = jdbc.query("SELECT invitation_id, email, role, expires_at FROM invitation_view"
                        + " WHERE business_id = ? AND state = 'open' AND expires_at > ?"
                        + Page.after(query.after(), "lower(email) COLLATE \"C\"", "invitation_id")
                        + " ORDER BY lower(email) COLLATE \"C\", invitation_id LIMIT ?",
                (row, index) -> new OpenInvitations.Invitation(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant()),
                Page.arguments(query.after(), query.limit(), query.businessId(), Timestamp.from(clock.instant())));
        return new OpenInvitations(Page.rows(fetched, query.limit()), Page.next(fetched, query.limit(),
                invitation -> new PagePosition(invitation.email().toLowerCase(Locale.ROOT), invitation.invitationId())));
    }

    @QueryHandler
    public BusinessSummary handle(FindBusinessByHandleQuery query) {
        return jdbc.query("SELECT business_id, handle, name, state FROM business_view WHERE handle = ?",
                (row, index) -> new BusinessSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                query.handle()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public BusinessList handle(ListBusinessesQuery query) {
        List<BusinessList.Entry> fetched = jdbc.query("SELECT b.business_id, b.handle, b.name, b.state,"
                        + " (SELECT count(*) FROM membership_view m WHERE m.business_id = b.business_id)"
                        + " FROM business_view b WHERE true" + Page.after(query.after(), "b.handle COLLATE \"C\"", "b.business_id")
                        + " ORDER BY b.handle COLLATE \"C\", b.business_id LIMIT ?",
                (row, index) -> new BusinessList.Entry(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5)), Page.arguments(query.after(), query.limit()));
        return new BusinessList(Page.rows(fetched, query.limit()), Page.next(fetched, query.limit(),
                business -> new PagePosition(business.handle(), business.businessId())));
    }
}
