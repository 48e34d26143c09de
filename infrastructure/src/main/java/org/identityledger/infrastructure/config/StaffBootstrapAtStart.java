package org.identityledger.infrastructure.config;

import org.identityledger.command.staff.StaffBootstrapPolicy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * identity.staff.bootstrap-admin-email names an account that may already have verified its email
 * before the setting was made: it becomes admin at start (still only while no admin exists).
 */
@Component
class StaffBootstrapAtStart implements ApplicationRunner {

    private final StaffBootstrapPolicy policy;

    StaffBootstrapAtStart(StaffBootstrapPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        policy.bootstrapExistingAccount();
    }
}
