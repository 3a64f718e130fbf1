package io.nianbao.core.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a PDF object by object, with a correct cross-reference table: for documents no PDF
 * library would write (a page tree of 105,000 pages, arrays nested 200,000 deep, a stream that
 * inflates a thousandfold). Object 1 is the catalog, whose /Pages the caller names.
 */
final class RawPdf {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Integer> offsets = new ArrayList<>();

    RawPdf() {
        write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    }

    /** The next object's number. */
    int next() {
        return offsets.size() + 1;
    }

    /** Writes object {@link #next()} with the given body; returns its number. */
    int object(String body) {
        int number = next();
        offsets.add(out.size());
        write(number + " 0 obj\n" + body + "\nendobj\n");
        return number;
    }

    /** Writes a stream object; {@code dictionary} without its /Length. */
    int stream(String dictionary, byte[] data) {
        int number = next();
        offsets.add(out.size());
        write(number + " 0 obj\n<<" + dictionary + " /Length " + data.length + ">>\nstream\n");
        out.writeBytes(data);
        write("\nendstream\nendobj\n");
        return number;
    }

    /** The file, with object {@code root} as the catalog. */
    byte[] finish(int root) {
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append("%010d 00000 n \n".formatted(offset));
        }
        table.append("trailer\n<</Size ").append(offsets.size() + 1).append(" /Root ").append(root)
                .append(" 0 R>>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(table.toString());
        return out.toByteArray();
    }

    /** A catalog and a page tree of {@code pages} pages drawing {@code content}, whose /Count says {@code declared}. */
    static byte[] pages(int pages, int declared, String content) {
        RawPdf pdf = new RawPdf();
        int catalog = pdf.object("<</Type /Catalog /Pages 2 0 R>>");
        StringBuilder kids = new StringBuilder();
        int first = 4;
        for (int i = 0; i < pages; i++) {
            kids.append(first + i).append(" 0 R ");
        }
        // Resources and media box are inherited from the tree's root: each page is ~40 bytes.
        pdf.object("<</Type /Pages /Count " + declared + " /MediaBox [0 0 595 842] /Resources <</Font <</F1"
                + " <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>>>>> /Kids [" + kids + "]>>");
        pdf.stream("", content.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < pages; i++) {
            pdf.object("<</Type /Page /Parent 2 0 R /Contents 3 0 R>>");
        }
        return pdf.finish(catalog);
    }

    /** A one-page document whose page draws the given content stream (already encoded as {@code filter} says). */
    static byte[] onePage(String filter, byte[] content, String extraResources) {
        RawPdf pdf = new RawPdf();
        int catalog = pdf.object("<</Type /Catalog /Pages 2 0 R>>");
        pdf.object("<</Type /Pages /Count 1 /Kids [3 0 R]>>");
        pdf.object("<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <</Font"
                + " <</F1 <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>>>" + extraResources + ">>>>");
        pdf.stream(filter.isEmpty() ? "" : "/Filter /" + filter, content);
        return pdf.finish(catalog);
    }

    /** Deflated bytes, as /FlateDecode stores them. */
    static byte[] deflate(byte[] data) {
        return deflate(out -> out.write(data));
    }

    /** Deflated output of {@code writer}, for data too large to hold (a bomb written in pieces). */
    static byte[] deflate(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes data to a stream. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
