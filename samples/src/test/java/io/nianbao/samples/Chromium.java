package io.nianbao.samples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Headless Chromium printing a page to PDF, as an inspector's browser prints a portal page. */
final class Chromium {

    private static final Optional<String> COMMAND = Stream.of("chromium", "chromium-browser", "google-chrome")
            .filter(Chromium::onPath).findFirst();

    private Chromium() {
    }

    static boolean available() {
        return COMMAND.isPresent() && Fonts.chinese().isPresent();
    }

    static byte[] print(byte[] page) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("chromium-print");
            Path html = Files.write(dir.resolve("page.html"), page);
            Path pdf = dir.resolve("page.pdf");
            Process p = new ProcessBuilder(List.of(COMMAND.orElseThrow(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + dir.resolve("profile"), "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
                    html.toUri().toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
            // A bound against a hung browser, far above the second or two a print takes.
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("chromium did not finish printing");
            }
            if (!Files.exists(pdf)) {
                throw new IOException("chromium printed nothing: " + Files.readString(dir.resolve("chromium.log")));
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }
}
