package uds.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The handout's links: a web address, or a file beside the PDF in the rendered site. A link to
 * a repository path (../../exercises/...) would lead nowhere once the PDF is copied or printed.
 */
class PdfLinksIT {

    private static final Path PDF = Path.of("target/generated-docs/uds-java.pdf");

    @Test
    void everyLinkIsAWebAddressOrAFileBesideThePdf() throws IOException {
        assertTrue(Files.isRegularFile(PDF), "no " + PDF + ": the handout is rendered before the integration tests");
        // Link annotations keep their target as plain text: /URI (target).
        String text = new String(Files.readAllBytes(PDF), StandardCharsets.ISO_8859_1);
        Matcher uri = Pattern.compile("/URI \\(([^)]*)\\)").matcher(text);
        List<String> outside = new ArrayList<>();
        while (uri.find()) {
            String target = uri.group(1);
            boolean web = target.startsWith("https://") || target.startsWith("http://");
            Path beside = PDF.getParent().resolve(target.replaceAll("#.*", "")).normalize();
            if (!web && !(beside.startsWith(PDF.getParent()) && Files.exists(beside))) {
                outside.add(target);
            }
        }
        assertEquals(List.of(), outside, "links in the PDF that lead outside the rendered site");
    }
}
