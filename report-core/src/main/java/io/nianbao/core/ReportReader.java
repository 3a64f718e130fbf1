package io.nianbao.core;

import io.nianbao.core.UnreadableDocumentException.Reason;
import io.nianbao.core.extract.DocumentImages;
import io.nianbao.core.extract.DocumentType;
import io.nianbao.core.extract.HtmlExtractor;
import io.nianbao.core.extract.PdfExtractor;
import io.nianbao.core.extract.PdfStructure;
import io.nianbao.core.extract.ReadingLimits;
import io.nianbao.core.extract.ReadingLimits.LimitExceeded;
import io.nianbao.core.extract.TextDecoder;
import io.nianbao.core.extract.WordExtractor;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.ocr.OcrDigits;
import io.nianbao.core.ocr.OcrText;
import io.nianbao.core.ocr.Recognition;
import io.nianbao.core.ocr.UnfoundRows;
import io.nianbao.core.parse.ReportParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a published document (HTML, PDF, DOCX/DOC or text; type and charset detected from the
 * bytes) into the report model. Pure and thread-safe: the parse service and the CLI share it.
 *
 * <p>Sections carry their prose only: the lines of a section's table are left out of its text.
 * What could not be read with certainty is in {@link ParsedReport#parseFindings()} (TBL-SHAPE,
 * PARSE-UNCERTAIN, CELL-INVALID, CELL-UNIT), never guessed.
 */
public final class ReportReader {

    /** Annual reports are kilobytes of text or a few hundred KB of PDF; ingest takes 20 MB at most. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final Pattern LINES = Pattern.compile("\r\n|\r|\n");

    /**
     * @param document the document's bytes
     * @param hints    metadata from the publication event; it wins over what the text says
     * @throws UnreadableDocumentException when the document is empty, of an unsupported type,
     *                                     corrupt, an image-only scan, too large, or beyond a
     *                                     reading limit ({@link ReadingLimits}, reason TOO_COMPLEX);
     *                                     nothing else is thrown
     */
    public ParsedReport read(byte[] document, ReportMetadata hints) throws UnreadableDocumentException {
        return read(document, limits -> {
            // An image's placeholder is no line of the report: OCR's lines take its place (below).
            List<String> extracted = extract(document, limits);
            List<String> lines = DocumentImages.withoutPlaceholders(extracted);
            if (lines.size() < extracted.size() && lines.stream().allMatch(String::isBlank)) {
                throw new UnreadableDocumentException(Reason.NEEDS_OCR,
                        "需要OCR：文件中只有图片，没有可提取的文字，请提供文字版或经OCR识别后再提交。", "images without text");
            }
            limits.checkTime();
            return ReportParser.parse(nonBlank(lines), hints == null ? ReportMetadata.UNKNOWN : hints,
                    DocumentType.detect(document) != DocumentType.PDF);
        });
    }

    /**
     * The report a document gives with what OCR read on its images ({@link DocumentImages}): a scan's
     * or a photo's text is the images' lines; a document with text has each image's lines where the
     * image stands. A digit OCR was unsure of, or that breaks a table's sum where one digit more or
     * less would not, is null with PARSE-UNCERTAIN ({@link OcrDigits}), and so is a row of tables 三
     * and 四 that is not there ({@link UnfoundRows}). The report is
     * {@link ParsedReport#readByOcr}: what the rules find in its layout (a row of the wrong width, a
     * heading not found) is ours to look at, not the agency's ({@link io.nianbao.core.rules.RuleEngine}).
     *
     * @throws UnreadableDocumentException as {@link #read(byte[], ReportMetadata)} does, except NEEDS_OCR
     */
    public ParsedReport read(byte[] document, ReportMetadata hints, Recognition recognition) throws UnreadableDocumentException {
        return read(document, limits -> {
            List<String> lines;
            try {
                lines = withImages(extract(document, limits), recognition);
            } catch (UnreadableDocumentException e) {
                if (e.reason() != Reason.NEEDS_OCR) {
                    throw e;
                }
                lines = recognition.images().keySet().stream().sorted()
                        .flatMap(image -> OcrText.lines(recognition.linesOf(image)).stream()).toList();
            }
            limits.chars(lines.stream().mapToInt(String::length).sum());
            ParsedReport read = ReportParser.parse(nonBlank(lines), hints == null ? ReportMetadata.UNKNOWN : hints, true);
            return OcrDigits.settle(UnfoundRows.named(new ParsedReport(read.meta(), read.template(), read.sections(),
                    read.proactive(), read.applications(), read.reviewLitigation(), read.parseFindings(), true)));
        });
    }

    /**
     * The report as the document's text gives it, or empty when only OCR can read it: a scan, a
     * photo, pictures alone, or a text whose tables are missing while it holds images (tables
     * pasted as pictures).
     *
     * @throws UnreadableDocumentException as {@link #read(byte[], ReportMetadata)} does, except NEEDS_OCR
     */
    public Optional<ParsedReport> readUnlessOcrNeeded(byte[] document, ReportMetadata hints) throws UnreadableDocumentException {
        try {
            ParsedReport report = read(document, hints);
            return tablesInImages(document, report) ? Optional.empty() : Optional.of(report);
        } catch (UnreadableDocumentException e) {
            if (e.reason() == Reason.NEEDS_OCR) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Only a web page or a Word document holds pictures beside its text ({@link DocumentImages}: a
     * PDF's pages are images only when it has no text): for any other document read as text, its
     * images are not looked for, which for a PDF would mean extracting its text a second time.
     */
    private static boolean tablesInImages(byte[] document, ParsedReport report) throws UnreadableDocumentException {
        boolean tableMissing = report.proactive() == null || report.applications() == null || report.reviewLitigation() == null;
        DocumentType type = DocumentType.detect(document);
        return tableMissing && (type == DocumentType.HTML || type == DocumentType.DOCX) && !DocumentImages.of(document).isEmpty();
    }

    /** A reading of the document's lines into a report, within the limits. */
    @FunctionalInterface
    private interface Reading {
        ParsedReport read(ReadingLimits limits) throws UnreadableDocumentException, IOException;
    }

    private static ParsedReport read(byte[] document, Reading reading) throws UnreadableDocumentException {
        if (document == null || document.length == 0) {
            throw new UnreadableDocumentException(Reason.EMPTY, "文件为空。", "no bytes");
        }
        if (document.length > MAX_BYTES) {
            throw new UnreadableDocumentException(Reason.TOO_LARGE, "文件过大，不是常见的年度报告。", document.length + " bytes");
        }
        try {
            return reading.read(ReadingLimits.start());
        } catch (LimitExceeded e) {
            throw e.unreadable();
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | IOException e) {
            // Libraries fail on broken files in many ways; to callers they are all one: corrupt.
            throw new UnreadableDocumentException(Reason.CORRUPT, "文件已损坏或格式异常，无法读取。",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static List<String> nonBlank(List<String> lines) throws UnreadableDocumentException {
        if (lines.stream().allMatch(String::isBlank)) {
            throw new UnreadableDocumentException(Reason.EMPTY, "文件中没有文字内容。", "no text");
        }
        return lines;
    }

    /** The document's lines, each image's placeholder replaced by the lines OCR read on it. */
    private static List<String> withImages(List<String> lines, Recognition recognition) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            int image = DocumentImages.placeholderIndex(line);
            if (image < 0) {
                out.add(line);
            } else {
                out.addAll(OcrText.lines(recognition.linesOf(image)));
            }
        }
        return out;
    }

    /**
     * The limits that can be checked on a document's bytes without reading it, in a fraction of
     * the time a reading takes: a PDF's structure (objects, nesting, declared pages, what its
     * streams inflate to), an HTML page's size and elements, a text's length, a DOC's size, an
     * image's frames and pixels (on their headers). Ingest checks them before it
     * accepts a document, so that the portal hears the reason in its answer.
     *
     * @throws UnreadableDocumentException with reason TOO_COMPLEX when one is crossed (CORRUPT for an
     *                                     image whose header does not read)
     */
    public static void checkShape(byte[] document) throws UnreadableDocumentException {
        try {
            switch (DocumentType.detect(document)) {
                case PDF -> PdfStructure.check(document);
                case HTML -> HtmlExtractor.checkShape(document);
                case TEXT -> checkTextLength(document);
                case DOC -> checkDocSize(document);
                case IMAGE -> DocumentImages.of(document);
                default -> {
                }
            }
        } catch (LimitExceeded e) {
            throw e.unreadable();
        }
    }

    private static void checkDocSize(byte[] document) {
        if (document.length > ReadingLimits.MAX_DOC_BYTES) {
            throw new LimitExceeded("Word 97格式（DOC）文件超过" + ReadingLimits.MAX_DOC_BYTES / (1024 * 1024) + "MB",
                    "a DOC of " + document.length + " bytes");
        }
    }

    /** A text of more bytes than four times the character limit has more characters than it, whatever its charset. */
    private static void checkTextLength(byte[] document) {
        if (document.length > 4L * ReadingLimits.MAX_CHARS) {
            ReadingLimits.start().chars(document.length / 4);
        }
    }

    private static List<String> extract(byte[] document, ReadingLimits limits) throws UnreadableDocumentException, IOException {
        DocumentType type = DocumentType.detect(document);
        return switch (type) {
            case PDF -> PdfExtractor.lines(document, limits);
            case DOCX -> WordExtractor.docx(document, limits);
            case DOC -> {
                checkDocSize(document);
                yield WordExtractor.doc(document, limits);
            }
            case HTML -> {
                HtmlExtractor.checkShape(document);
                yield HtmlExtractor.lines(TextDecoder.decodeOrRefuse(document, true), limits);
            }
            case TEXT -> {
                checkTextLength(document);
                String text = TextDecoder.decodeOrRefuse(document, false);
                limits.chars(text.length());
                yield List.of(LINES.split(text, -1));
            }
            case IMAGE -> throw new UnreadableDocumentException(Reason.NEEDS_OCR,
                    "需要OCR：提交的是图片文件，没有可提取的文字，请提供文字版或经OCR识别后再提交。", "image");
            case OTHER_ZIP, OTHER_OLE, OTHER_BINARY -> throw new UnreadableDocumentException(Reason.UNSUPPORTED_TYPE,
                    "不支持的文件类型，请提交HTML、PDF、Word（DOC/DOCX）或文本格式的年度报告。", type.name());
        };
    }
}
