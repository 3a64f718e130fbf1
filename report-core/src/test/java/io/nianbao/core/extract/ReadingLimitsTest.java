package io.nianbao.core.extract;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;
import io.nianbao.core.extract.HostileDocuments.Hostile;
import io.nianbao.core.model.ReportMetadata;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every reading limit holds on a document made to cross it: the document is refused as too
 * complex, naming the limit, and neither an Error nor another reason comes out. (That they hold
 * within a small heap is {@link BoundedMemoryTest}'s.)
 */
class ReadingLimitsTest {

    private final ReportReader reader = new ReportReader();

    @TestFactory
    Stream<DynamicTest> eachHostileDocumentIsRefusedAsTooComplexNamingItsLimit() {
        return HostileDocuments.all().values().stream().map(hostile -> DynamicTest.dynamicTest(hostile.name(), () -> {
            UnreadableDocumentException refused = catchThrowableOfType(UnreadableDocumentException.class,
                    () -> reader.read(hostile.bytes(), ReportMetadata.UNKNOWN));
            assertThat(refused).as(hostile.name()).isNotNull();
            assertThat(refused.reason()).as(hostile.name() + ": " + refused.getMessage()).isEqualTo(Reason.TOO_COMPLEX);
            assertThat(refused.chineseMessage()).as(hostile.name()).startsWith("文件过于复杂：").contains(hostile.limit());
        }));
    }

    @TestFactory
    Stream<DynamicTest> whatIngestChecksOnTheBytesAloneRefusesTheSameDocuments() {
        return Stream.of("pdf-105000-pages", "pdf-150000-objects", "pdf-arrays-200000-deep", "pdf-content-flate-bomb",
                "pdf-object-stream-flate-bomb", "text-2-million-characters", "html-60000-elements", "html-of-10-megabytes").map(name ->
                DynamicTest.dynamicTest(name, () -> {
                    Hostile hostile = HostileDocuments.named(name);
                    assertThatThrownBy(() -> ReportReader.checkShape(hostile.bytes()))
                            .isInstanceOfSatisfying(UnreadableDocumentException.class, refused -> {
                                assertThat(refused.reason()).isEqualTo(Reason.TOO_COMPLEX);
                                assertThat(refused.chineseMessage()).contains(hostile.limit());
                            });
                }));
    }

    @Test
    void aReportIsWellWithinEveryLimitAndPassesTheShapeCheck() throws Exception {
        byte[] pdf = pdfWithPages(30);
        ReportReader.checkShape(pdf);
        assertThat(reader.read(pdf, ReportMetadata.UNKNOWN).sections()).isNotNull();
        ReportReader.checkShape("一、总体情况".repeat(10_000).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pagesDeclaredInsideACompressedObjectStreamAreCountedToo() throws Exception {
        byte[] pdf = pdfWithPages(ReadingLimits.MAX_PAGES + 1);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/ObjStm").doesNotContain("/Count 201");
        assertThatThrownBy(() -> PdfStructure.check(pdf)).isInstanceOf(ReadingLimits.LimitExceeded.class)
                .hasMessage("a page tree of " + (ReadingLimits.MAX_PAGES + 1) + " pages");
    }

    @Test
    void aPageOfNothingIsEmptyAndNotAScanNeedingOcr() {
        UnreadableDocumentException refused = catchThrowableOfType(UnreadableDocumentException.class,
                () -> reader.read(RawPdf.onePage("", new byte[0], ""), ReportMetadata.UNKNOWN));
        assertThat(refused.reason()).isEqualTo(Reason.EMPTY);
    }

    @Test
    void arraysNestedDeepInsideACompressedContentStreamAreNotTakenForAScan() {
        byte[] content = ("BT /F1 12 Tf 72 720 Td " + "[".repeat(200_000) + "]".repeat(200_000) + " ET")
                .getBytes(StandardCharsets.US_ASCII);
        UnreadableDocumentException refused = catchThrowableOfType(UnreadableDocumentException.class,
                () -> reader.read(RawPdf.onePage("FlateDecode", RawPdf.deflate(content), ""), ReportMetadata.UNKNOWN));
        assertThat(refused.reason()).as(refused.getMessage()).isNotEqualTo(Reason.NEEDS_OCR);
    }

    @Test
    void aReadingPastItsTimeStops() {
        ReadingLimits limits = ReadingLimits.start();
        limits.checkTime();
        assertThatThrownBy(() -> ReadingLimits.until(System.nanoTime() - 1).checkTime())
                .isInstanceOfSatisfying(ReadingLimits.LimitExceeded.class,
                        e -> assertThat(e.limit()).isEqualTo("读取用时超过" + ReadingLimits.MAX_TIME.toSeconds() + "秒"));
    }

    /** A PDF as PDFBox writes one (compressed object streams), a line of text on each page. */
    private static byte[] pdfWithPages(int pages) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 720);
                    content.showText("Report 2023 page " + (i + 1));
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
