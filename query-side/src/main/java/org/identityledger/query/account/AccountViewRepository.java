package org.identityledger.query.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountViewRepository extends JpaRepository<AccountView, String> {
}
