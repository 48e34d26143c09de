package org.identityledger.query.session;

import java.util.List;

public record SessionList(List<SessionSummary> sessions) {
}
