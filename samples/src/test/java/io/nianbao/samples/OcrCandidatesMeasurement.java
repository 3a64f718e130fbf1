package io.nianbao.samples;

import io.nianbao.samples.ReportDocument.Table;
import io.nianbao.samples.TableImages.Distortion;
import io.nianbao.samples.TableImages.TableImage;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the OCR candidates of issue #23 on the three tables of random reports, drawn in several
 * typefaces and taken at 100–300 dpi, skewed, noisy and in a phone's perspective. Not a test of
 * the build (its name keeps Surefire from picking it up): run it on purpose with
 * {@code ./mvnw -o verify -pl samples -am -Dtest=OcrCandidatesMeasurement -Dsurefire.failIfNoSpecifiedTests=false -DskipITs};
 * it skips, saying why, when no engine is installed. The table of figures is printed and written to
 * {@code samples/target/ocr-candidates.md}; {@code -Docr.keepImages=true} keeps the images beside it.
 */
class OcrCandidatesMeasurement {

    private static final List<Distortion> DISTORTIONS = List.of(
            Distortion.clean(100),
            Distortion.clean(200),
            Distortion.clean(300),
            new Distortion("skew 1.5°, noise σ12", 200, 1.5, 0, 12),
            new Distortion("phone: perspective, skew 0.8°, noise σ8", 200, 0.8, 0.06, 8));

    /** An engine run on images as rendered or with their ruling lines erased first. */
    private record Run(OcrEngine engine, boolean eraseRules) {

        String label(boolean figuresDecodedAsFigures) {
            return engine.name() + (eraseRules ? ", rules erased first" : "")
                    + (figuresDecodedAsFigures ? ", figure cells decoded as digits only" : "");
        }
    }

    @Test
    void measureCandidates() throws Exception {
        StringBuilder whyNot = new StringBuilder();
        List<Run> runs = new ArrayList<>();
        TesseractEngine.find(11, false, whyNot).ifPresent(e -> {
            runs.add(new Run(e, false));
            runs.add(new Run(e, true));
        });
        TesseractEngine.find(11, true, new StringBuilder()).ifPresent(e -> runs.add(new Run(e, true)));
        PaddleOcrEngine.find(whyNot.append(whyNot.isEmpty() ? "" : "; ")).ifPresent(e -> runs.add(new Run(e, false)));
        System.out.println("OCR engines absent: " + whyNot);
        assumeTrue(!runs.isEmpty(), "no OCR engine installed: " + whyNot);

        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Distortion d : DISTORTIONS) {
            List<TableImage> images = images(d);
            List<TableImage> erased = images.stream().map(i -> i.withImage(RuleEraser.erase(i.image(), (int) (2 * lineHeight(d))))).toList();
            for (Run run : runs) {
                OcrScore free = new OcrScore();
                OcrScore asFigures = new OcrScore();
                for (TableImage image : run.eraseRules() ? erased : images) {
                    resetPeakRss();
                    long start = System.nanoTime();
                    OcrEngine.Reading reading = run.engine().read(image.image(), d.dpi());
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long peak = reading.peakRssKb() >= 0 ? reading.peakRssKb() : peakRssKb();
                    free.add(image, reading.pieces(), lineHeight(d), false);
                    free.timed(seconds, peak);
                    if (reading.pieces().stream().anyMatch(p -> p.asFigure() != null)) {
                        asFigures.add(image, reading.pieces(), lineHeight(d), true);
                        asFigures.timed(seconds, peak);
                    }
                }
                record(rows, run.label(false), run.engine(), d, free);
                if (asFigures.pages > 0) {
                    record(rows, run.label(true), run.engine(), d, asFigures);
                }
            }
        }
        for (Run run : runs) {
            run.engine().close();
        }
        StringBuilder table = new StringBuilder("""
                | engine | version | model | dpi / distortion | label char acc | figure char acc | cell acc | wrong cells | empty cells | s / page | peak MB |
                |---|---|---|---|---|---|---|---|---|---|---|
                """);
        rows.values().forEach(r -> r.forEach(table::append));
        System.out.println(table);
        Files.writeString(Path.of("target", "ocr-candidates.md"), table);
        assertTrue(rows.size() >= runs.size(), "a row of figures per run");
    }

    private static void record(Map<String, List<String>> rows, String label, OcrEngine engine, Distortion d, OcrScore score) {
        boolean labelsRead = !label.contains("whitelist");
        String row = String.format(Locale.ROOT, "| %s | %s | %s | %d dpi %s | %s | %.1f%% | %.1f%% (%d/%d) | %d | %d | %.2f | %d |%n",
                label, engine.version(), engine.model(), d.dpi(), d.name(),
                labelsRead ? String.format(Locale.ROOT, "%.1f%%", 100 * score.labelCharAccuracy()) : "—",
                100 * score.figureCharAccuracy(), 100 * score.cellAccuracy(), score.right, score.figureCells,
                score.wrong, score.empty, score.seconds / score.pages, score.peakRssKb / 1024);
        System.out.print(row);
        System.out.println("    wrong, e.g.: " + String.join(", ", score.wrongExamples));
        rows.computeIfAbsent(label, k -> new ArrayList<>()).add(row);
    }

    private static double lineHeight(Distortion d) {
        return 10.5 * d.dpi() / 72;
    }

    /** The three tables of one random report per typeface, taken as the distortion says. */
    private static List<TableImage> images(Distortion d) throws IOException {
        boolean keep = Boolean.getBoolean("ocr.keepImages");
        List<TableImage> images = new ArrayList<>();
        for (int f = 0; f < TableImages.TYPEFACES.size(); f++) {
            List<Table> tables = ReportLayout.of(RandomReports.report(new Random(23_000 + f))).tables();
            for (int t = 0; t < tables.size(); t++) {
                TableImage image = TableImages.render(tables.get(t), TableImages.TYPEFACES.get(f), d, 100L * f + t);
                images.add(image);
                if (keep) {
                    File file = new File("target/ocr-images/" + d.dpi() + "-" + d.name().replaceAll("\\W+", "_") + "-" + f + "-" + t + ".png");
                    file.getParentFile().mkdirs();
                    ImageIO.write(image.image(), "png", file);
                }
            }
        }
        return images;
    }

    /** Starts this process's peak resident memory afresh (Linux: "5" to clear_refs resets VmHWM). */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            // Not Linux: the peak then covers the whole run.
        }
    }

    /** This process's peak resident memory (VmHWM) in kB, or -1 off Linux. */
    private static long peakRssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
