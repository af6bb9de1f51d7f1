package dev.adapthub.core.bootstrap;

import dev.adapthub.core.HubProperties;
import dev.adapthub.core.account.Account;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On every start: make sure the admin exists, then seed demo content when enabled (both idempotent). */
@Component
class FirstStart implements ApplicationRunner {

    private final AdminBootstrap admin;
    private final DemoSeeder demo;
    private final HubProperties properties;

    FirstStart(AdminBootstrap admin, DemoSeeder demo, HubProperties properties) {
        this.admin = admin;
        this.demo = demo;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Account account = admin.ensureAdmin();
        if (properties.demo().enabled()) {
            demo.seed(account);
        }
    }
}
