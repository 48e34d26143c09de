package org.identityledger.query.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads the security log for auditors: bounded, in time order, on its time and account indexes. */
@Component
public class SecurityLogQueryHandler {

    private final JdbcTemplate jdbc;

    SecurityLogQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SecurityLogEntries handle(SearchSecurityLogQuery query) {
        StringBuilder sql = new StringBuilder("SELECT at, type, account_ref, actor_ref, ip, detail FROM security_log WHERE true");
        List<Object> arguments = new ArrayList<>();
        if (query.accountRef() != null) {
            sql.append(" AND account_ref = ?");
            arguments.add(query.accountRef());
        }
        if (query.type() != null) {
            sql.append(" AND type = ?");
            arguments.add(query.type());
        }
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            arguments.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            arguments.add(Timestamp.from(query.to()));
        }
        sql.append(" ORDER BY at, id LIMIT ?");
        arguments.add(query.limit());
        return new SecurityLogEntries(jdbc.query(sql.toString(), (row, index) -> new SecurityLogEntries.Entry(
                row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6)), arguments.toArray()));
    }
}
