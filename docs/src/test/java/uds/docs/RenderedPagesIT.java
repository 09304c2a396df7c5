package uds.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every rendered page in a real browser, at a desktop's width and a phone's: nothing makes the
 * page scroll sideways, a table wider than the screen says that it scrolls, a diagram too small
 * to read opens at full size, every image and diagram loaded, every link within the docs leads
 * to a file (and anchor) that exists inside the rendered site, and no include or directive was
 * left unresolved.
 */
class RenderedPagesIT {

    private static final Path PAGES = Path.of("target/generated-docs");
    private static final int[] WIDTHS = {1280, 390};

    // tag::probe[]
    /** What the page says about itself, measured by the browser after layout. */
    private static final String PROBE = """
            (() => {
              const root = document.documentElement;
              return {
                scrollWidth: root.scrollWidth,
                clientWidth: root.clientWidth,
                brokenImages: [...document.images]
                    .filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src')),
                links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
                    .filter(h => !/^(https?:|mailto:)/.test(h)),
                unresolved: document.body.innerText.includes('Unresolved directive'),
                // A row's cells side by side: the second starts right of the first, on its line.
                stackedRows: [...document.querySelectorAll('table.tableblock tr')].filter(row => {
                    const cells = [...row.children];
                    return cells.length > 1 && cells[1].getBoundingClientRect().left <= cells[0].getBoundingClientRect().left;
                  }).length,
                // A table wider than its box must say that it scrolls: class "scroll" and a visible cue.
                silentlyCutTables: [...document.querySelectorAll('table.tableblock')].filter(table => {
                    const box = table.parentElement;
                    const cue = getComputedStyle(box, '::before').content;
                    return table.scrollWidth > box.clientWidth + 1
                        && !(box.classList.contains('scroll') && cue && cue !== 'none' && cue !== 'normal');
                  }).length,
                // A diagram drawn below 0.6 of its size (PlantUML's 13 px text under 8 px) must
                // open at full size when tapped.
                unreadableDiagrams: [...document.querySelectorAll('.imageblock img[src$=".svg"]')].filter(img =>
                    img.getBoundingClientRect().width < 0.6 * img.naturalWidth
                        && !img.closest('a[href$=".svg"]')).map(img => img.getAttribute('src'))
              };
            })()
            """;
    // end::probe[]

    private static DevTools browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .map(Path::of).filter(Files::isExecutable).findFirst();
        assumeTrue(chromium.isPresent(), "no Chromium installed (Debian: apt-get install chromium): the pages are not checked in a browser");
        browser = DevTools.start(chromium.get());
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPageAtEveryWidth() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(PAGES)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html") && !f.getFileName().toString().startsWith("_"))
                    .sorted().toList()) {
                for (int width : WIDTHS) {
                    tests.add(DynamicTest.dynamicTest(page.getFileName() + " at " + width + " px", () -> check(page, width)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no pages in " + PAGES.toAbsolutePath());
        return tests.stream();
    }

    private static void check(Path page, int width) throws Exception {
        String session = browser.newPage(width);
        browser.load(session, page.toAbsolutePath().toUri().toString());
        JsonNode seen = browser.evaluate(session, PROBE);
        assertTrue(seen.get("scrollWidth").asInt() <= seen.get("clientWidth").asInt(),
                page.getFileName() + " scrolls sideways at " + width + " px: " + seen.get("scrollWidth") + " px wide");
        assertEquals(List.of(), DevTools.strings(seen.get("brokenImages")), "images that did not load");
        assertFalse(seen.get("unresolved").asBoolean(), "an include or directive was not resolved");
        assertEquals(0, seen.get("stackedRows").asInt(), "table rows whose cells are stacked instead of side by side");
        assertEquals(0, seen.get("silentlyCutTables").asInt(), "tables wider than their box that do not say they scroll");
        assertEquals(List.of(), DevTools.strings(seen.get("unreadableDiagrams")),
                "diagrams too small to read that do not link to their full size");
        List<String> broken = new ArrayList<>();
        for (String link : DevTools.strings(seen.get("links"))) {
            if (!resolves(page, link)) {
                broken.add(link);
            }
        }
        assertEquals(List.of(), broken, "links within the docs that lead nowhere");
    }

    /**
     * A relative link: its file exists within the rendered site (a copy of generated-docs, or the
     * PDF, has nothing beside it), and its #anchor is an id in that file.
     */
    private static boolean resolves(Path page, String link) throws IOException {
        int hash = link.indexOf('#');
        String file = URLDecoder.decode(hash < 0 ? link : link.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? "" : link.substring(hash + 1);
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!target.toAbsolutePath().startsWith(PAGES.toAbsolutePath().normalize()) || !Files.exists(target)) {
            return false;
        }
        return anchor.isEmpty() || Files.isDirectory(target)
                || Files.readString(target).contains("id=\"" + anchor + "\"");
    }
}
