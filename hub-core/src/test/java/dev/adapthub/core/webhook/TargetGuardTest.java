package dev.adapthub.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.common.InvalidInputException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which webhook URLs are refused before anything is sent: malformed ones and those that point
 * inside the network, unless an administrator allowed the range. Only IP literals and
 * {@code localhost} are used, so no test asks a DNS server anything.
 */
class TargetGuardTest {

    final TargetGuard strict = new TargetGuard(new WebhookSettings(List.of(), null, null, null));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/",
            "http://172.16.0.9/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/", "http://255.255.255.255/"})
    void refusesAddressesInsideTheNetwork(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("url"))
                .hasMessageMatching("(?s).*(internal address|does not resolve).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://example.org/x", "file:///etc/passwd", "gopher://1.2.3.4/",
            "http://", "https:///path", "not a url", "http://user:pass@93.184.216.34/", "http://93.184.216.34/#frag",
            "javascript:alert(1)"})
    void refusesMalformedUrlsSayingWhatToFix(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void acceptsAPublicAddressAndPinsIt() throws Exception {
        TargetGuard.Target target = strict.check("https://93.184.216.34:8443/hooks?x=1");

        assertThat(target.address()).isEqualTo(InetAddress.getByName("93.184.216.34"));
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.https()).isTrue();
        assertThat(strict.check("http://[2606:4700::1111]/").port()).isEqualTo(80);
    }

    @Test
    void anAllowedRangeLetsLoopbackThroughAndNothingElse() {
        TargetGuard allowing = new TargetGuard(new WebhookSettings(List.of("127.0.0.0/8", " ::1/128 "), null, null,
                null));

        assertThat(allowing.check("http://127.0.0.1:9/x").address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(allowing.check("http://[::1]:9/x").port()).isEqualTo(9);
        assertThatThrownBy(() -> allowing.check("http://10.0.0.1/")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> allowing.check("http://169.254.169.254/")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMisspelledAllowedRangeStopsTheHubWithItsName() {
        assertThatThrownBy(() -> new TargetGuard(new WebhookSettings(List.of("127.0.0.0/33"), null, null, null)))
                .hasMessageContaining("HUB_WEBHOOK_ALLOWED_RANGES").hasMessageContaining("127.0.0.0/33");
        assertThatThrownBy(() -> new TargetGuard(new WebhookSettings(List.of("intranet"), null, null, null)))
                .hasMessageContaining("not an IP range");
    }

    @Test
    void rangesMatchByPrefix() {
        AddressRange range = AddressRange.parse("172.16.0.0/12");
        assertThat(range.contains(addr("172.31.255.255"))).isTrue();
        assertThat(range.contains(addr("172.32.0.0"))).isFalse();
        assertThat(AddressRange.parse("fc00::/7").contains(addr("fdff::1"))).isTrue();
        assertThat(AddressRange.parse("fc00::/7").contains(addr("fe00::1"))).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(addr("8.8.8.8"))).isTrue();
    }

    @Test
    void backOffDoublesFromItsBase() {
        WebhookSettings settings = new WebhookSettings(null, java.time.Duration.ofMillis(100), 4, null);
        assertThat(settings.backoffAfter(1)).hasMillis(100);
        assertThat(settings.backoffAfter(2)).hasMillis(200);
        assertThat(settings.backoffAfter(3)).hasMillis(400);
    }

    @Test
    void signsLikeGitHubDocumentsIt() {
        // The example of GitHub's "Validating webhook deliveries".
        assertThat(Signatures.sign("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    private static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
