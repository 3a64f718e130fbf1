package io.nianbao.samples;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A Chinese TrueType font of the machine, as fontconfig lists them (CI installs fonts-wqy-zenhei). */
final class Fonts {

    private static final Optional<File> CHINESE = find();

    private Fonts() {
    }

    static Optional<File> chinese() {
        return CHINESE;
    }

    private static Optional<File> find() {
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "-f", "%{file}\\n").redirectErrorStream(true).start();
            String listed = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            return listed.lines().map(String::strip).filter(f -> f.endsWith(".ttc") || f.endsWith(".ttf")).sorted()
                    .map(File::new).filter(File::isFile).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
