package dev.adapthub.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.SeededHubTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main pages in Chromium on a 390 px phone and a 1400 px desktop: no sideways scrolling, a title
 * of their own, a dark theme when the system asks for one, and a visible ring on keyboard focus.
 * Screenshots of every page at both widths land in target/screenshots/layout-*.png.
 */
@SeededHubTest
class LayoutBrowserTest {

    static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;

    /** Page name (for screenshots) → path. */
    static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("models", "/models");
        pages.put("model", "/" + LLAMA);
        pages.put("files", "/" + LLAMA + "/tree/main");
        pages.put("file", "/" + LLAMA + "/blob/main/adaptations/ascend-910b3-vllm-ascend.yaml");
        pages.put("tools", "/tools");
        pages.put("chips", "/chips");
        pages.put("chip", "/chips/ascend-910b3");
        pages.put("matrix", "/matrix");
        pages.put("report", "/" + LLAMA + "/adaptations/ascend-910b3/ascend-910b3-vllm-ascend.yaml/report");
        pages.put("pulls", "/" + LLAMA + "/pulls");
        pages.put("login", "/login");
        return pages;
    }

    @Test
    void everyMainPageFitsAPhoneHasItsOwnTitleAndTurnsDark() {
        String base = "http://localhost:" + port;
        Page page = browser.open();
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, String> entry : pages().entrySet()) {
            String name = entry.getKey();
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
            page.setViewportSize(1400, 900);
            page.navigate(base + entry.getValue());
            browser.screenshot("layout-1400-" + name);

            page.setViewportSize(390, 844);
            page.waitForTimeout(50);
            Number scrollWidth = (Number) page.evaluate("document.scrollingElement.scrollWidth");
            Number innerWidth = (Number) page.evaluate("window.innerWidth");
            soft.assertThat(scrollWidth.intValue()).as("%s is %s px wide on a 390 px screen; widest: %s", name,
                    scrollWidth, page.evaluate(WIDEST)).isLessThanOrEqualTo(innerWidth.intValue() + 1);
            browser.screenshot("layout-390-" + name);

            String title = page.title();
            soft.assertThat(title).as("title of " + name).isNotBlank();
            if (!name.equals("home")) {
                soft.assertThat(title).as("title of " + name).isNotEqualTo("AdaptHub");
            }

            String light = background(page);
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
            String dark = background(page);
            soft.assertThat(dark).as("body background of %s in the dark", name).isNotEqualTo(light);
            if (name.equals("report") || name.equals("model")) {
                browser.screenshot("layout-390-dark-" + name);
            }
        }
        soft.assertAll();
    }

    @Test
    void withoutTheLayoutRulesTheHeaderWouldOverflowAPhone() {
        // The control for the width check above: it does catch a page wider than the screen.
        Page page = browser.open();
        page.setViewportSize(390, 844);
        page.navigate("http://localhost:" + port + "/models");
        page.evaluate("document.querySelector('link[href$=\"layout.css\"]').disabled = true");
        Number scrollWidth = (Number) page.evaluate("document.scrollingElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isGreaterThan(391);
    }

    @Test
    void tabbingShowsAFocusRing() {
        Page page = browser.open();
        page.setViewportSize(390, 844);
        page.navigate("http://localhost:" + port + "/login");
        for (int i = 0; i < 3; i++) {
            page.keyboard().press("Tab");
            String outline = (String) page.evaluate(
                    "(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; })()");
            String tag = (String) page.evaluate("document.activeElement.tagName");
            assertThat(outline).as("outline of focused " + tag).isEqualTo("solid 2px");
        }
        page.focus("#username");
        page.keyboard().press("Tab");
        assertThat((String) page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
    }

    private static String background(Page page) {
        return (String) page.evaluate("getComputedStyle(document.body).backgroundColor");
    }

    /** The element sticking out furthest to the right, to say what to fix when a page is too wide. */
    static final String WIDEST = """
            (() => { let best = null, right = 0;
              for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect().right;
                if (r > right) { right = r; best = e; }
              }
              return best ? best.tagName + '.' + best.className + ' #' + best.id + ' right=' + Math.round(right) : 'none'; })()""";
}
