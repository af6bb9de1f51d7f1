package dev.adapthub.web.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A negative {@code hub.pages.cache-size} stops the hub with a message saying what to give instead. */
class RenderedPagesSizeTest {

    @Test
    void aNegativeSizeIsRefusedWithWhatToGive() {
        assertThatThrownBy(() -> new RenderedPages(DataSize.parse("-1MB"), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.pages.cache-size").hasMessageContaining("16MB");
    }
}
