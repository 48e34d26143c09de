package org.identityledger.query.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The account as clients see it. Updated in the events' own transaction. */
@Entity
@Table(name = "account_view")
public class AccountView {

    @Id
    @Column(name = "account_ref")
    private String accountRef;
    @Column(name = "email", nullable = false)
    private String email;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "state", nullable = false)
    private String state;
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AccountView() {
        // for JPA
    }

    AccountView(String accountRef, String email, String displayName, Instant registeredAt) {
        this.accountRef = accountRef;
        this.email = email;
        this.displayName = displayName;
        this.state = AccountStates.PENDING_VERIFICATION;
        this.registeredAt = registeredAt;
        this.updatedAt = registeredAt;
    }

    void markEmailVerified(Instant at) {
        emailVerified = true;
        if (AccountStates.PENDING_VERIFICATION.equals(state)) {
            state = AccountStates.ACTIVE;
        }
        updatedAt = at;
    }

    void changeState(String newState, Instant at) {
        state = newState;
        updatedAt = at;
    }

    void reinstate(Instant at) {
        changeState(emailVerified ? AccountStates.ACTIVE : AccountStates.PENDING_VERIFICATION, at);
    }

    public String accountRef() {
        return accountRef;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String state() {
        return state;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
