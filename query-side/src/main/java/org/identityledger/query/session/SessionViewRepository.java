package org.identityledger.query.session;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface SessionViewRepository extends JpaRepository<SessionView, String> {

    List<SessionView> findByAccountRefAndRevokedAtIsNullOrderByStartedAtDesc(String accountRef);
}
