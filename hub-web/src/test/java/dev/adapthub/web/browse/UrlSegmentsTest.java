package dev.adapthub.web.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class UrlSegmentsTest {

    @Test
    void eachSegmentIsDecodedExactlyOnce() {
        assertThat(UrlSegments.decode("/o/n/resolve/refs%2Fpr%2F3/a%20b.txt"))
                .containsExactly("o", "n", "resolve", "refs/pr/3", "a b.txt");
        assertThat(UrlSegments.decode("/x/%2e%2e")).containsExactly("x", "..");
        // A double-encoded traversal stays a harmless literal name after the single decode.
        assertThat(UrlSegments.decode("/x/%252e%252e")).containsExactly("x", "%2e%2e");
        assertThat(UrlSegments.decode("/x/caf%C3%A9/")).containsExactly("x", "café", "");
    }

    @Test
    void brokenEscapesAndNonUtf8AreRefused() {
        assertThatThrownBy(() -> UrlSegments.decode("/x/%zz")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("%zz");
        assertThatThrownBy(() -> UrlSegments.decode("/x/%4")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> UrlSegments.decode("/x/%ff%fe.txt")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UTF-8");
    }
}
