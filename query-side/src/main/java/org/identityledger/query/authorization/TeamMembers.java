package org.identityledger.query.authorization;

import org.identityledger.query.paging.PagePosition;

import java.time.Instant;
import java.util.List;

/** A page of a business's team, by email; {@code next} is where the next page starts (null on the last). */
public record TeamMembers(List<Member> members, PagePosition next) {

    public record Member(String accountRef, String email, String displayName, String role, Instant joinedAt) {
    }
}
