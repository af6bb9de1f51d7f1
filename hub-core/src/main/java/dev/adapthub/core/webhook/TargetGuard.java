package dev.adapthub.core.webhook;

import dev.adapthub.core.common.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from reaching into the hub's own network (server-side request forgery): a hook's
 * URL must be {@code http} or {@code https}, and every address its host resolves to must be public.
 * Loopback, private (RFC 1918, unique-local), link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, "this network", multicast and broadcast addresses are refused unless an
 * administrator allowed their range ({@link WebhookSettings#allowedRanges}).
 * <p>
 * The URL is checked when a hook is saved and again at each delivery, and the delivery connects
 * to exactly the address checked then ({@link Target#address()}), so a DNS answer that changes
 * between the check and the connection (DNS rebinding) cannot redirect it.
 */
@Component
class TargetGuard {

    static final int MAX_URL = 2000;

    private static final List<AddressRange> INTERNAL = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "224.0.0.0/3", "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "64:ff9b::/96")
            .stream().map(AddressRange::parse).toList();

    private final List<AddressRange> allowed;

    TargetGuard(WebhookSettings settings) {
        this.allowed = settings.allowedRanges().stream().map(range -> {
            try {
                return AddressRange.parse(range);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("HUB_WEBHOOK_ALLOWED_RANGES: " + e.getMessage(), e);
            }
        }).toList();
    }

    /** Where a checked URL is delivered: the URL and the one address to connect to. */
    record Target(URI uri, String host, int port, boolean https, InetAddress address) {
    }

    /** Checks the URL's form only (no DNS): for a bad URL the message says what to fix. */
    URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "Enter the URL the hub should POST events to, e.g."
                    + " https://ci.example.org/hooks/adapthub.");
        }
        String text = url.strip();
        if (text.length() > MAX_URL) {
            throw new InvalidInputException("url", "The URL is longer than " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "'" + text + "' is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("url", "The URL must start with https:// or http://.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("url", "The URL has no host name: write it as https://host/path.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "Leave credentials out of the URL: the receiver checks the"
                    + " X-Hub-Signature-256 header made with the hook's secret instead.");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "Leave the #fragment out of the URL; it is never sent.");
        }
        return uri;
    }

    /**
     * Parses and resolves {@code url} and checks every address; the first one is where to connect.
     *
     * @throws InvalidInputException when the URL is malformed, does not resolve or points inside the network
     */
    Target check(String url) {
        URI uri = parse(url);
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new Unresolved("The host " + host + " does not resolve to an address.");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && allowed.stream().noneMatch(r -> r.contains(address))) {
                throw new InvalidInputException("url", "The host " + host + " resolves to " + address.getHostAddress()
                        + ", an internal address (loopback, private or link-local); webhooks go to public"
                        + " addresses only. An administrator may allow a range with HUB_WEBHOOK_ALLOWED_RANGES.");
            }
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        return new Target(uri, bare, port, https, addresses[0]);
    }

    /** The host has no address now: refused when a hook is saved, retried when a delivery meets it. */
    static final class Unresolved extends InvalidInputException {

        Unresolved(String message) {
            super("url", message);
        }
    }

    static boolean isInternal(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || address.getHostAddress().equals("255.255.255.255")
                || INTERNAL.stream().anyMatch(r -> r.contains(address));
    }
}
