package dev.adapthub.core.bootstrap;

import dev.adapthub.core.HubProperties;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationCatchUp;
import dev.adapthub.core.common.ConflictException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On every start: make sure the admin exists, then seed demo content when enabled, then
 * validate the inference configs when the adaptation index is empty (all idempotent). Runs once all beans exist but before the web server accepts requests, so the
 * first page a newcomer opens already shows the demo content.
 */
@Component
public class FirstStart implements SmartInitializingSingleton {

    private final AdminBootstrap admin;
    private final DemoSeeder demo;
    private final HubProperties properties;
    private final AdaptationCatchUp adaptations;

    FirstStart(AdminBootstrap admin, DemoSeeder demo, HubProperties properties, AdaptationCatchUp adaptations) {
        this.admin = admin;
        this.demo = demo;
        this.properties = properties;
        this.adaptations = adaptations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    /** Ensures the admin and, when enabled, the demo content; safe to call again. */
    public void run() {
        Account account;
        try {
            account = admin.ensureAdmin();
        } catch (ConflictException | DataIntegrityViolationException raced) {
            // Another hub process on the same database created the admin at the same moment (replicas
            // starting together: "The name 'admin' is taken"); its transaction committed before this
            // one's insert failed, so this one now finds the admin.
            account = admin.ensureAdmin();
        }
        if (properties.demo().enabled()) {
            demo.seed(account);
        }
        // The seeded configs are validated now, so the matrix is full when the first page opens.
        adaptations.indexIfEmpty();
    }
}
