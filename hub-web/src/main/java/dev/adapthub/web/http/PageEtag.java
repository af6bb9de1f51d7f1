package dev.adapthub.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Conditional GETs for pages derived from a commit: the ETag is a digest of everything the page is
 * made of (the commit id and the mutable parts the caller names, such as the repository's settings
 * and the viewer's permission) plus who is asking (their name and session, since a signed-in page
 * carries the session's CSRF token), the language and the hub's build ({@link BuildStamp}). A matching
 * {@code If-None-Match} gets a 304 before any rendering, and a request without a copy gets the
 * page the hub rendered for the same URL and ETag before, when it still has it ({@link RenderedPages}).
 * Pages are {@code Cache-Control: private, no-cache}: a browser keeps its copy and revalidates it on
 * every view; shared caches keep nothing (private repositories must never land in a proxy).
 */
public final class PageEtag {

    /** Templates and code change with a new build; a page cached before it must not be reused after. */
    private static final String BOOT = BuildStamp.ofRunningHub();
    /**
     * A request attribute with what the page shows of the viewer beyond their name, such as the
     * header's unread notification count: a page whose commit is unchanged must still be sent anew
     * when that count moved.
     */
    public static final String VIEWER_STATE = PageEtag.class.getName() + ".viewerState";
    /** A request attribute with what every page shows of the site, the incident banner ({@link SiteState}). */
    public static final String SITE_STATE = PageEtag.class.getName() + ".siteState";

    private PageEtag() {
    }

    /**
     * Sets ETag and Cache-Control on {@code response}; true when the response is complete: the
     * client's copy is current and a 304 has been set, or the page kept for this ETag has been
     * written. The caller then renders nothing and returns null; on false it renders the page,
     * which is kept for the next request with the same ETag.
     */
    public static boolean answered(HttpServletRequest request, HttpServletResponse response, Object... parts) {
        StringBuilder text = new StringBuilder(BOOT);
        for (Object part : parts) {
            text.append('\u0000').append(part);
        }
        text.append('\u0000').append(request.getRemoteUser());
        HttpSession session = request.getSession(false);
        text.append('\u0000').append(session == null ? "" : session.getId());
        text.append('\u0000').append(RequestContextUtils.getLocale(request));
        text.append('\u0000').append(request.getAttribute(VIEWER_STATE));
        text.append('\u0000').append(request.getAttribute(SITE_STATE));
        String etag = "W/\"" + digest(text.toString()) + "\"";
        response.setHeader("Cache-Control", "private, no-cache");
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return true;
        }
        try {
            return RenderedPages.answer(request, response, etag);
        } catch (IOException e) {
            throw new UncheckedIOException("could not send the kept page of " + request.getRequestURI(), e);
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
