package org.identityledger.query.authorization;

import java.time.Instant;
import java.util.List;

/** A business's team, longest-standing first. */
public record TeamMembers(List<Member> members) {

    public record Member(String accountRef, String email, String displayName, String role, Instant joinedAt) {
    }
}
