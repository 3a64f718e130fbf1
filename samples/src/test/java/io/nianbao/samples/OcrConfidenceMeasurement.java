package io.nianbao.samples;

import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;
import io.nianbao.ocr.engine.FigureConfidence;
import io.nianbao.ocr.engine.PageReader;
import io.nianbao.ocr.engine.PaddleOcr;
import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Table;
import io.nianbao.samples.ScannedDocuments.Scan;
import io.nianbao.samples.TableImages.Distortion;
import io.nianbao.samples.TableImages.Typeface;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Calibrates how sure ocr-engine is of a figure cell (issue #23): the figure cells of many table
 * images ({@link TableImages}, five typefaces, thin ones among them) and scanned reports
 * ({@link ScannedDocuments}), taken clean at 100–300 dpi and at 200 dpi skewed, noisy, photographed
 * and JPEG-compressed hard, are read by {@link PageReader} once per candidate measure of a figure
 * character's confidence ({@link FigureConfidence}); for each measure it counts the right and the
 * wrong reads per confidence band, the best threshold that leaves every wrong read below it, and
 * lists every wrong read with its confidence under each measure. Not a test of the build (its name
 * keeps Surefire from picking it up; about 9 minutes per measure on a busy 2-core machine): run it on purpose with
 * {@code ./mvnw -o verify -pl samples -am -Dtest=OcrConfidenceMeasurement -Dsurefire.failIfNoSpecifiedTests=false -DskipITs};
 * {@code -Docr.reports=N} random reports per condition (default 3), {@code -Docr.measures=identity,presence}
 * for some measures alone. It writes its figures to {@code samples/target/ocr-confidence.md}.
 */
class OcrConfidenceMeasurement {

    private static final int REPORTS = Integer.getInteger("ocr.reports", 3);
    private static final double[] BANDS = {0, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.999};

    /** A measure of a figure character's confidence; none: the one {@link PaddleOcr#load()} reads with. */
    private record Measure(String name, String formula, FigureConfidence confidence) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("engine", "ocr-engine's (PaddleOcr.load())", null),
            new Measure("current", "p(d) / (p(blank) + Σ p(figure))", s -> s.figure() / (s.blank() + s.figures())),
            new Measure("identity", "p(d) / Σ p(figure)", s -> s.figure() / s.figures()),
            new Measure("presence", "p(d) / (p(d) + p(blank))", s -> s.figure() / (s.figure() + s.blank())),
            new Measure("margin", "p(d) − p(second figure)", s -> s.figure() - s.runnerUp()));

    /** Images holding tables, and the rows of the tables drawn on them, in order. */
    private record Rendering(List<BufferedImage> images, List<List<Cell>> rows) {
    }

    /** How a report is taken: its renderings under a name. */
    private record Condition(String name, BiFunction<ParsedReport, Integer, List<Rendering>> renderings) {
    }

    /** The figures' faces of the table images: TableImages' three, and two thin ones. */
    private static final List<Typeface> FACES = Stream.concat(TableImages.TYPEFACES.stream(), Stream.of(
            new Typeface("WenQuanYi Zen Hei + DejaVu Sans ExtraLight figures", "WenQuanYi Zen Hei", "DejaVu Sans Light"),
            new Typeface("WenQuanYi Zen Hei + Liberation Sans Narrow figures", "WenQuanYi Zen Hei", "Liberation Sans Narrow"))).toList();

    private static List<Condition> conditions() {
        return List.of(
                tables(Distortion.clean(100), 1),
                tables(Distortion.clean(150), 1),
                tables(Distortion.clean(200), 1),
                tables(Distortion.clean(300), 1),
                tables(new Distortion("noise σ20", 200, 0, 0, 20), 1),
                tables(new Distortion("skew 3°", 200, 3, 0, 0), 1),
                tables(new Distortion("phone: perspective 10%, skew 2°, noise σ12", 200, 2, 0.1, 12), 1),
                tables(Distortion.clean(200), 0.3f),
                tables(new Distortion("noise σ20", 150, 0, 0, 20), 0.3f),
                scans(Scan.clean(200), 1),
                scans(Scan.clean(150), 1),
                scans(Scan.clean(100), 1),
                scans(new Scan(200, 1.2, 10, 7), 1),
                scans(new Scan(200, 3, 20, 5), 1),
                scans(Scan.clean(200), 0.3f));
    }

    /** One cell read: what was drawn and read, and its confidence under each measure. */
    private record Sample(String condition, String expected, String read, boolean right, double[] confidence) {
    }

    @Test
    void measureFigureConfidences() throws Exception {
        assumeTrue(ScannedDocuments.available(), "no Chinese font to draw the images with");
        List<Measure> measures = chosenMeasures();
        List<PageReader> readers = new ArrayList<>();
        List<PaddleOcr> models = new ArrayList<>();
        try {
            for (Measure m : measures) {
                PaddleOcr ocr = m.confidence() == null ? PaddleOcr.load() : PaddleOcr.load(m.confidence());
                models.add(ocr);
                readers.add(new PageReader(ocr));
            }
        } catch (UnreadableDocumentException e) {
            assumeTrue(false, "no OCR: " + e.getMessage());
        }
        List<Sample> samples = new ArrayList<>();
        int rowsMisread = 0;
        for (Condition condition : conditions()) {
            for (int r = 0; r < REPORTS; r++) {
                ParsedReport report = RandomReports.report(new Random(4_600 + r));
                for (Rendering rendering : condition.renderings().apply(report, r)) {
                    List<List<FigureCellRead>> reads = new ArrayList<>();
                    for (PageReader reader : readers) {
                        List<RecognisedLine> rows = tableRows(reader, rendering);
                        reads.add(FigureCellRead.of(rendering.rows(), rows));
                        if (reads.size() == 1) {
                            rowsMisread += FigureCellRead.rowsMisread(rendering.rows(), rows);
                        }
                    }
                    samples.addAll(samples(condition.name(), reads));
                }
            }
            System.out.println(condition.name() + ": " + samples.stream().filter(s -> s.condition().equals(condition.name())).count() + " figure cells");
        }
        for (PaddleOcr ocr : models) {
            ocr.close();
        }
        String figures = report(measures, samples, rowsMisread);
        System.out.println(figures);
        Files.writeString(Path.of("target", "ocr-confidence.md"), figures);
        assertThat(samples).as("figure cells read").isNotEmpty();
    }

    private static List<RecognisedLine> tableRows(PageReader reader, Rendering rendering) throws UnreadableDocumentException {
        List<RecognisedLine> rows = new ArrayList<>();
        for (BufferedImage image : rendering.images()) {
            reader.read(image).stream().filter(RecognisedLine::tableRow).forEach(rows::add);
        }
        return rows;
    }

    private static List<Measure> chosenMeasures() {
        String wanted = System.getProperty("ocr.measures");
        if (wanted == null) {
            return MEASURES;
        }
        List<String> names = Arrays.asList(wanted.split(","));
        return MEASURES.stream().filter(m -> names.contains(m.name())).toList();
    }

    /** The cells read alike by every measure's reader (the measure changes no character), with each one's confidence. */
    private static List<Sample> samples(String condition, List<List<FigureCellRead>> reads) {
        List<Sample> samples = new ArrayList<>();
        List<FigureCellRead> first = reads.getFirst();
        for (int i = 0; i < first.size(); i++) {
            RecognisedCell cell = first.get(i).read();
            if (cell == null) {
                continue;
            }
            double[] confidence = new double[reads.size()];
            for (int m = 0; m < reads.size(); m++) {
                RecognisedCell same = reads.get(m).get(i).read();
                assertThat(same.text()).as("the measure changes no character").isEqualTo(cell.text());
                confidence[m] = same.confidence();
            }
            samples.add(new Sample(condition, first.get(i).expected(), OcrScore.normalize(cell.text()), first.get(i).right(), confidence));
        }
        return samples;
    }

    private static String report(List<Measure> measures, List<Sample> samples, int rowsMisread) {
        long right = samples.stream().filter(Sample::right).count();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d figure cells read (%d reports per condition, %d conditions): %d right, %d wrong; rows misread (not counted): %d%n%n",
                samples.size(), REPORTS, conditions().size(), right, samples.size() - right, rowsMisread));
        out.append("Right / wrong reads per confidence band:\n\n| measure |");
        for (int b = 0; b < BANDS.length; b++) {
            out.append(String.format(Locale.ROOT, " %s–%s |", BANDS[b], b + 1 < BANDS.length ? BANDS[b + 1] : "1"));
        }
        out.append(" wrong ≥ 0.9 | right ≥ 0.9 | highest wrong | right above it |\n|---|");
        out.append("---|".repeat(BANDS.length + 4)).append('\n');
        for (int m = 0; m < measures.size(); m++) {
            int measure = m;
            out.append("| ").append(measures.get(m).name()).append(": ").append(measures.get(m).formula()).append(" |");
            for (int b = 0; b < BANDS.length; b++) {
                double low = BANDS[b], high = b + 1 < BANDS.length ? BANDS[b + 1] : 1.0001;
                long inRight = samples.stream().filter(s -> s.right() && s.confidence()[measure] >= low && s.confidence()[measure] < high).count();
                long inWrong = samples.stream().filter(s -> !s.right() && s.confidence()[measure] >= low && s.confidence()[measure] < high).count();
                out.append(' ').append(inRight).append(" / ").append(inWrong).append(" |");
            }
            double highestWrong = samples.stream().filter(s -> !s.right()).mapToDouble(s -> s.confidence()[measure]).max().orElse(0);
            out.append(String.format(Locale.ROOT, " %d | %s | %.4f | %s |%n",
                    samples.stream().filter(s -> !s.right() && s.confidence()[measure] >= 0.9).count(),
                    share(samples.stream().filter(s -> s.right() && s.confidence()[measure] >= 0.9).count(), samples.size()),
                    highestWrong, share(samples.stream().filter(s -> s.right() && s.confidence()[measure] > highestWrong).count(), samples.size())));
        }
        out.append("\nCells right and at or above 0.9, per condition:\n\n| condition | cells | wrong |");
        measures.forEach(m -> out.append(' ').append(m.name()).append(" |"));
        out.append("\n|---|---|---|").append("---|".repeat(measures.size())).append('\n');
        samples.stream().map(Sample::condition).distinct().forEach(condition -> {
            List<Sample> these = samples.stream().filter(s -> s.condition().equals(condition)).toList();
            out.append("| ").append(condition).append(" | ").append(these.size()).append(" | ")
                    .append(these.stream().filter(s -> !s.right()).count()).append(" |");
            for (int m = 0; m < measures.size(); m++) {
                int measure = m;
                out.append(' ').append(share(these.stream().filter(s -> s.right() && s.confidence()[measure] >= 0.9).count(), these.size())).append(" |");
            }
            out.append('\n');
        });
        out.append("\nWrong reads (drawn → read, kind: confidence per measure):\n\n");
        samples.stream().filter(s -> !s.right()).forEach(s -> {
            out.append(String.format(Locale.ROOT, "- %s: '%s' → '%s', %s:", s.condition(), s.expected(), s.read(), kind(s)));
            for (int m = 0; m < measures.size(); m++) {
                out.append(String.format(Locale.ROOT, " %s %.4f", measures.get(m).name(), s.confidence()[m]));
            }
            out.append('\n');
        });
        out.append("\nRight reads below 0.9 under every measure: ").append(samples.stream()
                .filter(s -> s.right() && Arrays.stream(s.confidence()).allMatch(c -> c < 0.9)).count()).append('\n');
        return out.toString();
    }

    private static String kind(Sample s) {
        int byLength = Integer.compare(s.read().length(), s.expected().length());
        return byLength > 0 ? "insertion" : byLength < 0 ? "deletion" : "substitution";
    }

    private static String share(long count, long of) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", count, 100.0 * count / Math.max(1, of));
    }

    /** Each table of the report alone, drawn in a face of its own and taken as {@code distortion} says, then JPEG'd at {@code quality} below 1. */
    private static Condition tables(Distortion distortion, float quality) {
        return new Condition(distortion.dpi() + " dpi table images, " + distortion.name() + jpegName(quality), (report, r) -> {
            List<Table> tables = ReportLayout.of(report).tables();
            List<Rendering> renderings = new ArrayList<>();
            for (int t = 0; t < tables.size(); t++) {
                BufferedImage image = TableImages.render(tables.get(t), FACES.get((3 * r + t) % FACES.size()), distortion, 100L * r + t).image();
                renderings.add(new Rendering(List.of(jpeg(image, quality)), tables.get(t).rows()));
            }
            return renderings;
        });
    }

    /** The whole report as the office suite prints it, scanned as {@code scan} says, then JPEG'd at {@code quality} below 1. */
    private static Condition scans(Scan scan, float quality) {
        return new Condition(scan.dpi() + " dpi scanned reports, skew " + scan.skewDegrees() + "°, noise σ" + scan.noise() + jpegName(quality),
                (report, r) -> List.of(new Rendering(
                        ScannedDocuments.pages(report, new Scan(scan.dpi(), scan.skewDegrees(), scan.noise(), scan.seed() + r)).stream()
                                .map(page -> jpeg(page, quality)).toList(),
                        ReportLayout.of(report).tables().stream().flatMap(t -> t.rows().stream()).toList())));
    }

    private static String jpegName(float quality) {
        return quality < 1 ? ", JPEG quality " + quality : "";
    }

    /** The image saved as a JPEG of the quality and read back; at quality 1, the image itself. */
    private static BufferedImage jpeg(BufferedImage image, float quality) {
        if (quality >= 1) {
            return image;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
            stream.flush();
            return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
