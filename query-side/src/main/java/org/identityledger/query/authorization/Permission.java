package org.identityledger.query.authorization;

import java.util.Arrays;
import java.util.Optional;

/**
 * The permission vocabulary partner services ask about, and the one rule for each, decided from
 * live facts (the session's context, the account's state and capabilities, the membership and its
 * business, the staff roles), never from what a token claims.
 */
public enum Permission {
    SELLER_LIST("seller.list"),
    BUSINESS_READ("business.read"),
    BUSINESS_MANAGE_MEMBERS("business.manage_members"),
    BUSINESS_MANAGE_OWNERS("business.manage_owners"),
    STAFF_ADMIN("staff.admin"),
    STAFF_AUDIT("staff.audit");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Permission> fromWireName(String name) {
        return Arrays.stream(values()).filter(permission -> permission.wireName.equals(name)).findFirst();
    }

    /** Allowed, or the first reason it is not (a stable snake_case word). */
    public Decision decide(AuthorizationFacts facts) {
        if (!"active".equals(facts.accountState())) {
            return Decision.deny("account_not_active");
        }
        return switch (this) {
            case SELLER_LIST -> !"customer".equals(facts.context()) ? Decision.deny("wrong_context")
                    : facts.seller() ? Decision.permit() : Decision.deny("not_a_seller");
            case BUSINESS_READ -> business(facts, "owner", "admin", "member");
            case BUSINESS_MANAGE_MEMBERS -> business(facts, "owner", "admin");
            case BUSINESS_MANAGE_OWNERS -> business(facts, "owner");
            case STAFF_ADMIN -> staff(facts, "admin");
            case STAFF_AUDIT -> staff(facts, "auditor");
        };
    }

    private static Decision business(AuthorizationFacts facts, String... roles) {
        if (!"business".equals(facts.context())) {
            return Decision.deny("wrong_context");
        }
        if (facts.membershipRole() == null) {
            return Decision.deny("not_a_member");
        }
        if (!"active".equals(facts.businessState())) {
            return Decision.deny("business_suspended");
        }
        return Arrays.asList(roles).contains(facts.membershipRole()) ? Decision.permit() : Decision.deny("role_too_low");
    }

    private static Decision staff(AuthorizationFacts facts, String role) {
        if (!"staff".equals(facts.context())) {
            return Decision.deny("wrong_context");
        }
        return facts.staffRoles().contains(role) ? Decision.permit() : Decision.deny("no_staff_role");
    }

    public record Decision(boolean allowed, String reason) {

        static Decision permit() {
            return new Decision(true, "allowed");
        }

        static Decision deny(String reason) {
            return new Decision(false, reason);
        }
    }
}
