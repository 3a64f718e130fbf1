package io.nianbao.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real portal pages of ../shared/corpus-wild, read in place (public documents, not copied into the project). */
public final class CorpusWild {

    public static final Path FOLDER = Path.of(System.getProperty("nianbao.home", "."), "..", "shared", "corpus-wild").normalize();
    public static final String LISTING = "_pingtan-list-index.html";
    /** The report pages it holds, as the listing links them. */
    public static final String PAGE_2023 = "2023-pingtan-shiyanqu-page.html";

    private CorpusWild() {
    }

    /** A file's bytes; the test is skipped when ../shared is absent. */
    public static byte[] read(String name) {
        Path file = FOLDER.resolve(name);
        assumeTrue(Files.exists(file), "../shared/corpus-wild is absent");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(read(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
