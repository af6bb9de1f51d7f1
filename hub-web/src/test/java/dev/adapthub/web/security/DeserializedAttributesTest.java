package dev.adapthub.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A session's attribute values are deserialized once per stored form, never shared with another
 * session, and read again once the stored bytes change. (That a signed-in session follows a change
 * another process stores is in {@link SessionAccessWritesTest}.)
 */
class DeserializedAttributesTest {

    private final DeserializedAttributes attributes =
            new DeserializedAttributes(getClass().getClassLoader(), Duration.ofMinutes(30));
    private final ConversionService conversions = attributes.conversions();

    @Test
    void aSessionGetsBackTheValueItGotWhileItsStoredBytesStayTheSame() {
        byte[] alice = bytes(contextOf("alice"));

        Object first = read("session-1", alice);
        assertThat(read("session-1", alice)).as("same session, same bytes").isSameAs(first);
        assertThat(read("session-2", alice)).as("another session with equal bytes gets its own value")
                .isNotSameAs(first).isEqualTo(first);

        Object changed = read("session-1", bytes(contextOf("bob")));
        assertThat(((SecurityContext) changed).getAuthentication().getName()).isEqualTo("bob");

        attributes.forget("session-1");
        assertThat(read("session-1", alice)).as("a deleted session's values are dropped").isNotSameAs(first);
    }

    @Test
    void valuesThatCanChangeInPlaceAndReadsOutsideASessionAreDeserializedEachTime() {
        byte[] list = bytes(new ArrayList<>(List.of("a", "b")));
        assertThat(read("session-1", list)).isNotSameAs(read("session-1", list)).isEqualTo(List.of("a", "b"));

        byte[] text = bytes("zh-CN");
        assertThat(conversions.convert(text, Object.class)).isNotSameAs(conversions.convert(text, Object.class));
        assertThat(read("session-1", text)).isSameAs(read("session-1", text));
    }

    private Object read(String sessionId, byte[] stored) {
        return attributes.reading(sessionId, () -> conversions.convert(stored, Object.class));
    }

    private byte[] bytes(Object value) {
        return conversions.convert(value, byte[].class);
    }

    private static SecurityContext contextOf(String name) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }
}
