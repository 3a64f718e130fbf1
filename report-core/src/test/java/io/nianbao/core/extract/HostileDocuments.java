package io.nianbao.core.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small documents of enormous complexity, one per reading limit, as a hostile or careless portal
 * sends them: each is a few MB at most, far below the size limit, and each would take any heap or
 * any amount of time without its limit. Shared with the services' tests (report-core's test jar).
 */
public final class HostileDocuments {

    private HostileDocuments() {
    }

    /** A hostile document and the limit it crosses (a substring of the rejection's message). */
    public record Hostile(String name, byte[] bytes, String limit) {
        @Override
        public String toString() {
            return name + " (" + bytes.length / 1024 + " KB)";
        }
    }

    /** Every one, by name, generated once (a few seconds). */
    public static Map<String, Hostile> all() {
        return Generated.ALL;
    }

    /** One of {@link #all()}. */
    public static Hostile named(String name) {
        Hostile hostile = all().get(name);
        if (hostile == null) {
            throw new IllegalArgumentException("no hostile document " + name);
        }
        return hostile;
    }

    private static final class Generated {
        static final Map<String, Hostile> ALL = generate();
    }

    private static Map<String, Hostile> generate() {
        Map<String, Supplier<Hostile>> all = new LinkedHashMap<>();
        all.put("pdf-105000-pages", HostileDocuments::pdfOf105000Pages);
        all.put("pdf-pages-beyond-its-count", () -> new Hostile("pdf-pages-beyond-its-count",
                RawPdf.pages(5_000, 3, text("Page")), "页数超过"));
        all.put("pdf-page-tree-10000-deep", HostileDocuments::pdfWithDeepPageTree);
        all.put("pdf-150000-objects", HostileDocuments::pdfOf150000Objects);
        all.put("pdf-arrays-200000-deep", HostileDocuments::pdfWithDeepArrays);
        all.put("pdf-content-flate-bomb", HostileDocuments::pdfWithContentBomb);
        all.put("pdf-object-stream-flate-bomb", HostileDocuments::pdfWithObjectStreamBomb);
        all.put("pdf-60000-glyphs-on-a-page", HostileDocuments::pdfWithDensePage);
        all.put("text-2-million-characters", () -> new Hostile("text-2-million-characters",
                "年报".repeat(1_000_000).getBytes(StandardCharsets.UTF_8), "文字超过"));
        all.put("html-60000-elements", () -> new Hostile("html-60000-elements",
                ("<html><body>" + "<b>1</b>".repeat(60_000) + "</body></html>").getBytes(StandardCharsets.UTF_8), "网页元素超过"));
        all.put("html-of-10-megabytes", () -> new Hostile("html-of-10-megabytes",
                ("<html><body><p>" + "x".repeat(10 << 20) + "</p></body></html>").getBytes(StandardCharsets.UTF_8), "网页超过"));
        all.put("html-spans-of-millions-of-cells", () -> new Hostile("html-spans-of-millions-of-cells",
                ("<html><body><table>" + "<tr>" + "<td rowspan=\"500\" colspan=\"50\">1</td>".repeat(200) + "</tr>"
                        + "</table></body></html>").getBytes(StandardCharsets.UTF_8), "表格单元格超过"));
        all.put("docx-2-million-characters", () -> new Hostile("docx-2-million-characters",
                docx("<w:p><w:r><w:t>" + "年报".repeat(1_000_000) + "</w:t></w:r></w:p>"), "文字超过"));
        all.put("docx-tables-nested-200-deep", () -> new Hostile("docx-tables-nested-200-deep",
                docx("<w:tbl><w:tr><w:tc>".repeat(200) + "<w:p/>" + "</w:tc></w:tr></w:tbl>".repeat(200)), "嵌套超过"));
        all.put("docx-inflation-bomb", HostileDocuments::docxBomb);
        all.put("doc-2-million-characters", () -> new Hostile("doc-2-million-characters",
                gunzip("/documents/doc-2-million-characters.doc.gz"), "文字超过"));
        Map<String, Hostile> generated = new LinkedHashMap<>();
        all.forEach((name, supplier) -> generated.put(name, supplier.get()));
        return Collections.unmodifiableMap(generated);
    }

    /**
     * Documents as large and complex as the reading limits let through, each of the kind that
     * takes the most heap to read; {@link Hostile#limit()} is the outcome: READ, or the reason
     * it was refused for all the same (a limit crossed only while reading).
     */
    public static List<Hostile> atTheLimits() {
        List<Hostile> documents = new ArrayList<>();
        // 20 MB, nearly all an image (never decoded for text), and a line of text.
        byte[] noise = new byte[20 * 1024 * 1024 - 4096];
        new Random(20).nextBytes(noise);
        RawPdf pdf = new RawPdf();
        int catalog = pdf.object("<</Type /Catalog /Pages 2 0 R>>");
        pdf.object("<</Type /Pages /Count 1 /Kids [3 0 R]>>");
        pdf.object("<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <</Font <</F1"
                + " <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>>> /XObject <</Im1 5 0 R>>>>>>");
        pdf.stream("", ("q 500 0 0 700 40 60 cm /Im1 Do Q " + text("Report 2023")).getBytes(StandardCharsets.ISO_8859_1));
        pdf.stream("/Type /XObject /Subtype /Image /Width 2048 /Height " + noise.length / 2048
                + " /ColorSpace /DeviceGray /BitsPerComponent 8", noise);
        documents.add(new Hostile("pdf-20-megabytes", pdf.finish(catalog), "READ"));
        // 8 MB of HTML, 49,000 elements, each with an attribute as long as the size allows.
        String attribute = "x".repeat(ReadingLimits.MAX_HTML_BYTES / 49_500 - 30);
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 49_000; i++) {
            html.append("<span class=\"").append(attribute).append("\">").append(i % 10).append("</span>");
        }
        documents.add(new Hostile("html-at-the-limits", html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8),
                "READ"));
        // Nearly as many characters of text as are read.
        documents.add(new Hostile("text-at-the-limits", "一、总体情况本年度新收政府信息公开申请十件。\n".repeat(
                ReadingLimits.MAX_CHARS / 23).getBytes(StandardCharsets.UTF_8), "READ"));
        // Table cells of text in a DOCX, nearly as many characters as are read, of varied characters
        // (a real one compresses some 5:1, under ingest's 100:1 bomb limit).
        Random characters = new Random(49);
        StringBuilder table = new StringBuilder("<w:tbl>");
        for (int r = 0; r < ReadingLimits.MAX_CHARS / 101; r++) {
            table.append("<w:tr>");
            for (int c = 0; c < 10; c++) {
                table.append("<w:tc><w:p><w:r><w:t>");
                characters.ints(10, 0x4E00, 0x9FA5).forEach(table::appendCodePoint);
                table.append("</w:t></w:r></w:p></w:tc>");
            }
            table.append("</w:tr>");
        }
        documents.add(new Hostile("docx-at-the-limits", docx(table.append("</w:tbl>").toString()), "READ"));
        return documents;
    }

    /** 105,000 real pages (each its own object) under a /Count that says so. */
    public static Hostile pdfOf105000Pages() {
        return new Hostile("pdf-105000-pages", RawPdf.pages(105_000, 105_000, text("Page")), "页数超过");
    }

    private static Hostile pdfWithDeepPageTree() {
        RawPdf pdf = new RawPdf();
        int catalog = pdf.object("<</Type /Catalog /Pages 2 0 R>>");
        int depth = 10_000;
        for (int i = 0; i < depth; i++) {
            int node = pdf.next();
            pdf.object("<</Type /Pages /Count 1 /Kids [" + (node + 1) + " 0 R]>>");
        }
        pdf.object("<</Type /Page /MediaBox [0 0 595 842]>>");
        return new Hostile("pdf-page-tree-10000-deep", pdf.finish(catalog), "嵌套超过");
    }

    private static Hostile pdfOf150000Objects() {
        RawPdf pdf = new RawPdf();
        int catalog = pdf.object("<</Type /Catalog /Pages 2 0 R>>");
        pdf.object("<</Type /Pages /Count 1 /Kids [3 0 R]>>");
        pdf.object("<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>");
        for (int i = 0; i < 150_000; i++) {
            pdf.object("0");
        }
        return new Hostile("pdf-150000-objects", pdf.finish(catalog), "对象超过");
    }

    private static Hostile pdfWithDeepArrays() {
        RawPdf pdf = new RawPdf();
        int catalog = pdf.object("<</Type /Catalog /Pages 2 0 R /Nested " + "[".repeat(200_000) + "]".repeat(200_000) + ">>");
        pdf.object("<</Type /Pages /Count 1 /Kids [3 0 R]>>");
        pdf.object("<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>");
        return new Hostile("pdf-arrays-200000-deep", pdf.finish(catalog), "嵌套超过");
    }

    /** Bytes a bomb inflates to: ten times a stream's limit, twice the document's. */
    private static final int BOMB_MB = 256;

    /** Deflated spaces, {@value #BOMB_MB} MB of them, after a prefix. */
    private static byte[] bomb(String prefix, String suffix) {
        return RawPdf.deflate(out -> repeated(out, prefix, " ", suffix));
    }

    /** {@value #BOMB_MB} times a megabyte's worth of {@code unit}, between a prefix and a suffix. */
    private static void repeated(OutputStream out, String prefix, String unit, String suffix) throws IOException {
        out.write(prefix.getBytes(StandardCharsets.UTF_8));
        byte[] megabyte = unit.repeat((1 << 20) / unit.length()).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < BOMB_MB; i++) {
            out.write(megabyte);
        }
        out.write(suffix.getBytes(StandardCharsets.UTF_8));
    }

    /** A content stream of ~256 KB that inflates to 256 MB of spaces. */
    private static Hostile pdfWithContentBomb() {
        return new Hostile("pdf-content-flate-bomb", RawPdf.onePage("FlateDecode", bomb("", ""), ""), "解压后超过");
    }

    /** An object stream (PDFBox inflates it when it first needs an object inside) of 256 MB. */
    private static Hostile pdfWithObjectStreamBomb() {
        byte[] bomb = bomb("5 0 ", "");
        RawPdf pdf = new RawPdf();
        int catalog = pdf.object("<</Type /Catalog /Pages 2 0 R>>");
        pdf.object("<</Type /Pages /Count 1 /Kids [3 0 R]>>");
        pdf.object("<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>");
        pdf.stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", bomb);
        return new Hostile("pdf-object-stream-flate-bomb", pdf.finish(catalog), "解压后超过");
    }

    /** One page drawing 60,000 glyphs from a compressed stream of a few KB. */
    private static Hostile pdfWithDensePage() {
        String content = "BT /F1 1 Tf 10 10 Td (" + "A".repeat(60_000) + ") Tj ET";
        return new Hostile("pdf-60000-glyphs-on-a-page",
                RawPdf.onePage("FlateDecode", RawPdf.deflate(content.getBytes(StandardCharsets.US_ASCII)), ""), "单页文字超过");
    }

    /** A DOCX whose main part inflates to 256 MB of empty runs in a paragraph. */
    private static Hostile docxBomb() {
        byte[] bytes = zip(out -> {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            repeated(out, "<w:document xmlns:w=\"" + W + "\"><w:body><w:p>", "<w:r/>", "</w:p></w:body></w:document>");
            out.closeEntry();
        });
        return new Hostile("docx-inflation-bomb", bytes, "解压后超过");
    }

    private static byte[] gunzip(String resource) {
        try (InputStream in = HostileDocuments.class.getResourceAsStream(resource)) {
            return new GZIPInputStream(in).readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** A DOCX (a ZIP with word/document.xml) of the given body. */
    static byte[] docx(String body) {
        return zip(out -> {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write(("<w:document xmlns:w=\"" + W + "\"><w:body>" + body + "</w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        });
    }

    private interface ZipWriter {
        void write(ZipOutputStream out) throws IOException;
    }

    private static byte[] zip(ZipWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("[Content_Types].xml"));
            out.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            writer.write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A content stream showing one line of Helvetica text. */
    static String text(String s) {
        return "BT /F1 12 Tf 72 720 Td (" + s + ") Tj ET";
    }
}
