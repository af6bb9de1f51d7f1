package dev.adapthub.web.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.web.support.H2HubTest;
import org.junit.jupiter.api.Test;

/** {@link StatusScenarios} on the embedded H2 database (the default datasource). */
@H2HubTest
class StatusH2Test extends StatusScenarios {

    @Test
    void runsOnH2() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("H2");
    }
}
