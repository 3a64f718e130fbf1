package io.nianbao.samples;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code tesseract} binary with the {@code chi_sim} model, one process per image, limited
 * to one thread; its words and their confidences come from the TSV output, its peak memory from
 * {@code /usr/bin/time}.
 */
final class TesseractEngine implements OcrEngine {

    private static final String BINARY = "/usr/bin/tesseract";
    private static final String TIME = "/usr/bin/time";

    private static final String FIGURE_CHARACTERS = "0123456789.,-";

    private final int pageSegmentation;
    private final boolean figuresOnly;
    private final String version;

    private TesseractEngine(int pageSegmentation, boolean figuresOnly, String version) {
        this.pageSegmentation = pageSegmentation;
        this.figuresOnly = figuresOnly;
        this.version = version;
    }

    /**
     * The engine when the binary, its chi_sim model and /usr/bin/time are installed, else why not;
     * {@code figuresOnly} restricts it to the characters of figures, as a second pass over figure cells would.
     */
    static Optional<TesseractEngine> find(int pageSegmentation, boolean figuresOnly, StringBuilder whyNot) {
        if (!new File(BINARY).canExecute() || !new File(TIME).canExecute()) {
            whyNot.append("tesseract: ").append(BINARY).append(" or ").append(TIME)
                    .append(" missing (apt-get install tesseract-ocr tesseract-ocr-chi-sim time)");
            return Optional.empty();
        }
        try {
            String langs = run(List.of(BINARY, "--list-langs"));
            if (!langs.lines().map(String::strip).toList().contains("chi_sim")) {
                whyNot.append("tesseract: no chi_sim model (apt-get install tesseract-ocr-chi-sim)");
                return Optional.empty();
            }
            String version = run(List.of(BINARY, "--version")).lines().findFirst().orElse("?").replace("tesseract ", "");
            return Optional.of(new TesseractEngine(pageSegmentation, figuresOnly, version));
        } catch (IOException e) {
            whyNot.append("tesseract: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "Tesseract (CLI) --psm " + pageSegmentation + (figuresOnly ? ", whitelist " + FIGURE_CHARACTERS : "");
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String model() {
        return "chi_sim (tesseract-ocr-chi-sim 4.1.0, LSTM)";
    }

    @Override
    public Reading read(BufferedImage image, int dpi) throws IOException {
        Path dir = Files.createTempDirectory("ocr-tess");
        try {
            Path png = dir.resolve("page.png");
            Path memory = dir.resolve("rss");
            ImageIO.write(image, "png", png.toFile());
            List<String> command = new ArrayList<>(List.of(TIME, "-f", "%M", "-o", memory.toString(), BINARY, png.toString(), "stdout",
                    "-l", "chi_sim", "--dpi", String.valueOf(dpi), "--psm", String.valueOf(pageSegmentation)));
            if (figuresOnly) {
                command.addAll(List.of("-c", "tessedit_char_whitelist=" + FIGURE_CHARACTERS));
            }
            command.add("tsv");
            String tsv = run(command);
            List<Piece> pieces = new ArrayList<>();
            for (String line : tsv.lines().skip(1).toList()) {
                String[] f = line.split("\t", -1);
                if (f.length == 12 && f[0].equals("5") && !f[11].isBlank()) {
                    double x = Integer.parseInt(f[6]) + Integer.parseInt(f[8]) / 2.0;
                    double y = Integer.parseInt(f[7]) + Integer.parseInt(f[9]) / 2.0;
                    pieces.add(new Piece(f[11], null, x, y, Double.parseDouble(f[10]) / 100));
                }
            }
            long rss = Long.parseLong(Files.readString(memory).strip().lines().reduce((a, b) -> b).orElse("-1"));
            return new Reading(pieces, rss);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
