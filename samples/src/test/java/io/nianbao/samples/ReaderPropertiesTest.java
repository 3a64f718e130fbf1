package io.nianbao.samples;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever bytes arrive, the reader returns a report or an {@link UnreadableDocumentException},
 * in bounded time, and every number it reports stands in the input.
 *
 * <p>Each property runs many cases; a case is a seed derived from the property's fixed base
 * seed, named in the test's display name and in every assertion message, so a failure is rerun
 * exactly by running the same property again.
 */
class ReaderPropertiesTest {

    /** A hang guard, not a speed test: far above the reader's own 10 s budget. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    /** Spreads consecutive case numbers over the seed space (java.util.Random correlates neighbours). */
    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;
    private static final ReportReader READER = new ReportReader();
    private static final String SAMPLE = ReportRenderer.render(SampleReports.consistentGb2021());
    private static final List<String> PDF_ROWS = List.of("Report 2023", "7   1   0   0   0   0   8", "0   0   0   0   0   0   0");

    /** A document and the text its numbers come from. */
    private record Document(String name, byte[] bytes, String source) {
    }

    private static final List<Document> DOCUMENTS = List.of(
            new Document("text", SAMPLE.getBytes(StandardCharsets.UTF_8), SAMPLE),
            new Document("html", html(SAMPLE).getBytes(Charset.forName("GBK")), SAMPLE),
            new Document("pdf", latinPdf(PDF_ROWS), String.join("\n", PDF_ROWS)),
            new Document("docx", docx(SAMPLE), SAMPLE));

    private static final List<byte[]> SIGNATURES = List.of(
            "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
            new byte[]{'P', 'K', 3, 4},
            new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
            "<html><body><table><tr><td rowspan=\"99999\">".getBytes(StandardCharsets.US_ASCII));

    @TestFactory
    Stream<DynamicTest> randomBytesAreReadOrRejected() {
        return property(0x5EED_0001L, 300, gen -> readBounded(gen, gen.bytes(20_000)));
    }

    @TestFactory
    Stream<DynamicTest> randomBytesBehindAKnownSignatureAreReadOrRejected() {
        return property(0x5EED_0002L, 100, gen -> readBounded(gen, concat(gen.oneOf(SIGNATURES), gen.bytes(4_000))));
    }

    @TestFactory
    Stream<DynamicTest> truncatedDocumentsAreReadOrRejected() {
        return property(0x5EED_0003L, 200, gen -> {
            Document doc = gen.oneOf(DOCUMENTS);
            int permille = gen.between(0, 1000);
            byte[] truncated = new byte[(int) ((long) doc.bytes().length * permille / 1000)];
            System.arraycopy(doc.bytes(), 0, truncated, 0, truncated.length);
            ParsedReport r = readBounded(gen, truncated);
            if (r != null) {
                assertNoInventedNumbers(gen, r, doc.source());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> shuffledRowsNeverProduceNumbersThatAreNotThere() {
        return property(0x5EED_0004L, 100, gen -> {
            List<String> lines = new ArrayList<>(SAMPLE.lines().toList());
            // Shuffle a random window of lines: rows moved within and across tables.
            int from = gen.between(0, lines.size() - 1);
            int to = Math.min(lines.size(), from + gen.between(2, 31));
            Collections.shuffle(lines.subList(from, to), gen.random());
            String text = String.join("\n", lines);
            ParsedReport r = readBounded(gen, text.getBytes(StandardCharsets.UTF_8));
            assertThat(r).as("%s: a shuffled report is still text", gen).isNotNull();
            assertNoInventedNumbers(gen, r, text);
        });
    }

    @TestFactory
    Stream<DynamicTest> hugeCellsStayBounded() {
        String alphabet = "0123456789 一二三四五六、。申请公开总计\t|-—/元";
        return property(0x5EED_0005L, 30, gen -> {
            List<String> lines = new ArrayList<>(SAMPLE.lines().toList());
            StringBuilder huge = new StringBuilder();
            for (int size = gen.between(10_000, 400_000); huge.length() < size; ) {
                huge.append(alphabet.charAt(gen.between(0, alphabet.length() - 1)));
            }
            int at = gen.between(0, lines.size() - 1);
            lines.set(at, lines.get(at) + "\t" + huge);
            String text = String.join("\n", lines);
            ParsedReport r = readBounded(gen, text.getBytes(StandardCharsets.UTF_8));
            if (r != null) {
                assertNoInventedNumbers(gen, r, text);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> tablesOfRandomCellsNeverProduceNumbersThatAreNotThere() {
        List<String> words = List.of("", "/", "-", "无", "1 0", "12元", "3.5", "-2", "O1",
                "一、本年新收政府信息公开申请数量", "(七)总计", "3.其他", "规章", "行政复议", "若干");
        List<String> separators = List.of("\t", " | ", "  ", "\n");
        return property(0x5EED_0006L, 200, gen -> {
            List<String> lines = gen.listOf(0, 40, () -> String.join(gen.oneOf(separators),
                    gen.listOf(1, 9, () -> gen.random().nextBoolean() ? String.valueOf(gen.between(0, 99_999)) : gen.oneOf(words))));
            String text = "三、收到和处理政府信息公开申请情况\n" + String.join("\n", lines) + "\n四、政府信息公开行政复议、行政诉讼情况\n"
                    + String.join("\n", lines.reversed());
            ParsedReport r = readBounded(gen, text.getBytes(StandardCharsets.UTF_8));
            assertThat(r).as("%s: text with section headings is read", gen).isNotNull();
            assertNoInventedNumbers(gen, r, text);
        });
    }

    /** The property's cases: one dynamic test per seed, the seed in its name. */
    private static Stream<DynamicTest> property(long baseSeed, int cases, Consumer<Gen> body) {
        return IntStream.range(0, cases)
                .mapToObj(i -> new Gen(baseSeed + i * SEED_STEP))
                .map(gen -> DynamicTest.dynamicTest(gen.toString(), () -> body.accept(gen)));
    }

    /** Reads, failing on anything but a report or an UnreadableDocumentException, and on a hang. */
    private static ParsedReport readBounded(Gen gen, byte[] bytes) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                return READER.read(bytes, ReportMetadata.UNKNOWN);
            } catch (UnreadableDocumentException expected) {
                assertThat(expected.chineseMessage()).as("%s: rejection message", gen).isNotBlank();
                return null;
            } catch (Throwable unexpected) {
                throw new AssertionError(gen + ": threw " + unexpected, unexpected);
            }
        }, () -> gen + ": no answer within " + HANG_GUARD);
    }

    /** Every number in the tables appears, as written in digits, in the input. */
    private static void assertNoInventedNumbers(Gen gen, ParsedReport r, String input) {
        String digits = input.replace(",", "");
        List<BigDecimal> values = new ArrayList<>();
        if (r.proactive() != null) {
            r.proactive().rows().values().forEach(row -> row.values().stream().filter(Objects::nonNull).forEach(values::add));
        }
        Stream.concat(
                        r.applications() == null ? Stream.empty() : r.applications().rows().values().stream(),
                        r.reviewLitigation() == null ? Stream.empty() : r.reviewLitigation().groups().values().stream())
                .filter(Objects::nonNull)
                .forEach(row -> row.stream().filter(Objects::nonNull).map(BigDecimal::valueOf).forEach(values::add));
        for (BigDecimal v : values) {
            assertThat(digits).as("%s: number %s is not in the input", gen, v).contains(v.abs().toPlainString());
        }
    }

    /** A seeded generator of test inputs; its seed is the case's name. */
    private static final class Gen {
        private final long seed;
        private final Random random;

        Gen(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        Random random() {
            return random;
        }

        int between(int min, int max) {
            return min + random.nextInt(max - min + 1);
        }

        <T> T oneOf(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        <T> List<T> listOf(int minSize, int maxSize, Supplier<T> element) {
            return Stream.generate(element).limit(between(minSize, maxSize)).toList();
        }

        /** Random bytes, often short: edge sizes (0, 1, a few) are where parsers break. */
        byte[] bytes(int maxSize) {
            byte[] bytes = new byte[random.nextInt(4) == 0 ? between(0, 8) : between(0, maxSize)];
            random.nextBytes(bytes);
            return bytes;
        }

        @Override
        public String toString() {
            return "seed " + seed + "L";
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** The text as a GBK portal page: tab-separated lines become one-row tables. */
    private static String html(String text) {
        return "<html><head><meta charset=\"gbk\"></head><body>" + String.join("",
                text.lines().map(l -> l.contains("\t") ? "<table><tr><td>" + l.replace("\t", "</td><td>") + "</td></tr></table>"
                        : "<p>" + l + "</p>").toList()) + "</body></html>";
    }

    private static byte[] latinPdf(List<String> rows) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.beginText();
                c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                c.newLineAtOffset(50, 700);
                for (String row : rows) {
                    c.showText(row);
                    c.newLineAtOffset(0, -14);
                }
                c.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            text.lines().forEach(l -> doc.createParagraph().createRun().setText(l));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
