package io.nianbao.core.extract;

import io.nianbao.core.extract.ReadingLimits.LimitExceeded;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PDF's shape read off its bytes, before PDFBox holds any of it: objects (those inside object
 * streams too), how deep arrays and dictionaries nest, the page count its page tree declares, and
 * what every stream inflates to. PDFBox inflates a stream wholly into memory, at load for cross-
 * reference and object streams, later for contents and fonts: one stream of a few hundred KB
 * that inflates to gigabytes would take any heap. Here every stream but an image's (text
 * extraction never decodes images) is inflated once into a counter, and an object stream into a
 * bounded buffer whose objects are scanned in turn. Beyond a {@link ReadingLimits} limit the scan
 * stops with {@link LimitExceeded}.
 *
 * <p>A lexer, not a parser: it needs no cross-reference table, so a damaged file is scanned as
 * far as it goes, and what it cannot place (a stray token, a stream it cannot inflate) it leaves
 * to PDFBox, which then reads or refuses the document.
 */
public final class PdfStructure {

    /**
     * What the scan found. {@code pages} is 0 when no page tree declared a count; {@code fontPrograms}
     * are the embedded font programs whose size the scan could tell (not those of an encrypted file).
     */
    public record Shape(int objects, int pages, boolean encrypted, List<FontProgram> fontPrograms) {
    }

    /** An embedded font program (FontFile, FontFile2, FontFile3): its object and what it inflates to. */
    public record FontProgram(long objectNumber, int generation, long inflatedBytes) {
    }

    /** An object stream is kept to be scanned: real ones hold some hundred objects in tens of KB. */
    private static final int MAX_OBJECT_STREAM_BYTES = 8 * 1024 * 1024;
    /** Filters only images use: such streams are never decoded for text. */
    private static final Set<String> IMAGE_FILTERS = Set.of("DCTDecode", "DCT", "JPXDecode", "JBIG2Decode",
            "CCITTFaxDecode", "CCF");
    private static final Map<String, String> FILTER_ABBREVIATIONS = Map.of("Fl", "FlateDecode", "LZW", "LZWDecode",
            "AHx", "ASCIIHexDecode", "A85", "ASCII85Decode", "RL", "RunLengthDecode");
    private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);
    /** The /Subtype of a FontFile3 stream (a compact or OpenType program). */
    private static final Set<String> FONT_SUBTYPES = Set.of("Type1C", "CIDFontType0C", "OpenType");

    private int objects;
    private int pages;
    private boolean encrypted;
    private long inflated;
    private final List<FontProgram> fontPrograms = new ArrayList<>();
    /** The last two numbers read at file level, and the object they opened ("12 0 obj"). */
    private long lastNumber = -1;
    private long numberBefore = -1;
    private long objectNumber = -1;
    private int objectGeneration;

    private PdfStructure() {
    }

    /** Scans the whole file; throws {@link LimitExceeded} at the first limit crossed. */
    public static Shape check(byte[] pdf) {
        PdfStructure scan = new PdfStructure();
        scan.lex(pdf, 0, pdf.length, true);
        return new Shape(scan.objects, scan.pages, scan.encrypted, List.copyOf(scan.fontPrograms));
    }

    /**
     * The streams of an encrypted document, whose bytes the scan could not inflate, inflated into
     * a counter once PDFBox has decrypted them (its stream cache holds them, within its own bound).
     * Only objects outside object streams: a stream cannot be inside one.
     */
    static List<FontProgram> checkDecrypted(PDDocument document) throws IOException {
        PdfStructure scan = new PdfStructure();
        Map<COSObjectKey, Long> xref = document.getDocument().getXrefTable();
        for (Map.Entry<COSObjectKey, Long> entry : xref.entrySet()) {
            if (entry.getValue() == null || entry.getValue() <= 0) {
                continue;
            }
            var object = document.getDocument().getObjectFromPool(entry.getKey());
            COSBase base = object == null ? null : object.getObject();
            if (!(base instanceof COSStream stream)) {
                continue;
            }
            List<String> filters = new ArrayList<>();
            if (stream.getFilters() instanceof COSName name) {
                filters.add(name.getName());
            } else if (stream.getFilters() instanceof COSArray array) {
                array.forEach(f -> filters.add(f instanceof COSName n ? n.getName() : ""));
            }
            COSName subtype = stream.getCOSName(COSName.SUBTYPE);
            if (decodedForText(subtype == null ? null : subtype.getName(), filters)) {
                long before = scan.inflated;
                try (InputStream raw = stream.createRawInputStream()) {
                    scan.decode(raw, filters, false);
                }
                if (stream.containsKey(COSName.LENGTH1) || subtype != null && FONT_SUBTYPES.contains(subtype.getName())) {
                    scan.fontPrograms.add(new FontProgram(entry.getKey().getNumber(), entry.getKey().getGeneration(),
                            filters.isEmpty() ? stream.getLength() : scan.inflated - before));
                }
            }
        }
        return List.copyOf(scan.fontPrograms);
    }

    /** An array or dictionary being read, and for a dictionary what the scan wants of it. */
    private static final class Frame {
        final boolean dictionary;
        /** For an array: the key of the dictionary entry it is the value of. */
        final String parentKey;
        final Frame parent;
        boolean expectKey = true;
        String key;
        String type;
        String subtype;
        final List<String> filters = new ArrayList<>();
        long length = -1;
        long count = -1;
        long objectsInside = -1;
        /** /Length1 (TrueType and Type 1 programs) seen: a font program's stream. */
        boolean fontProgram;

        Frame(boolean dictionary, Frame parent) {
            this.dictionary = dictionary;
            this.parent = parent;
            this.parentKey = parent == null ? null : parent.key;
        }

        /** A dictionary entry's value was read: the next token is a key. */
        void valueRead() {
            if (dictionary) {
                expectKey = true;
            }
        }
    }

    private void lex(byte[] b, int from, int to, boolean fileLevel) {
        Deque<Frame> open = new ArrayDeque<>();
        Frame lastDictionary = null;
        int i = from;
        while (i < to) {
            byte c = b[i];
            switch (c) {
                case '%' -> i = endOfLine(b, i, to);
                case '(' -> {
                    i = endOfLiteralString(b, i, to);
                    otherValue(open);
                }
                case '<' -> {
                    if (i + 1 < to && b[i + 1] == '<') {
                        open.push(new Frame(true, open.peek()));
                        ReadingLimits.checkNesting(open.size());
                        i += 2;
                    } else {
                        i = indexOf(b, (byte) '>', i + 1, to) + 1;
                        otherValue(open);
                    }
                }
                case '>' -> {
                    if (i + 1 < to && b[i + 1] == '>' && !open.isEmpty() && open.peek().dictionary) {
                        Frame closed = open.pop();
                        closedDictionary(closed, open);
                        if (open.isEmpty()) {
                            lastDictionary = closed;
                        }
                        i += 2;
                    } else {
                        i++;
                    }
                }
                case '[' -> {
                    open.push(new Frame(false, open.peek()));
                    ReadingLimits.checkNesting(open.size());
                    i++;
                }
                case ']' -> {
                    if (!open.isEmpty() && !open.peek().dictionary) {
                        open.pop();
                        otherValue(open);
                    }
                    i++;
                }
                case '/' -> {
                    int end = endOfToken(b, i + 1, to);
                    name(new String(b, i + 1, end - i - 1, StandardCharsets.ISO_8859_1), open);
                    i = end;
                }
                default -> {
                    if (isWhitespace(c) || c == ')' || c == '{' || c == '}') {
                        i++;
                        continue;
                    }
                    int end = endOfToken(b, i, to);
                    String token = new String(b, i, Math.min(end - i, 16), StandardCharsets.ISO_8859_1);
                    i = end;
                    switch (token) {
                        case "obj" -> {
                            countObjects(1);
                            objectNumber = numberBefore;
                            objectGeneration = (int) Math.max(0, lastNumber);
                        }
                        case "endobj" -> open.clear();
                        case "stream" -> {
                            if (fileLevel) {
                                i = stream(b, i, to, lastDictionary);
                                lastDictionary = null;
                            }
                        }
                        case "R" -> {
                            // The end of a reference ("12 0 R"): its numbers were taken as one value already.
                        }
                        default -> {
                            if (isNumber(token)) {
                                if (open.isEmpty()) {
                                    numberBefore = lastNumber;
                                    lastNumber = parseLong(token);
                                }
                                number(token, open);
                            } else {
                                otherValue(open);
                            }
                        }
                    }
                }
            }
        }
    }

    private void name(String name, Deque<Frame> open) {
        Frame f = open.peek();
        if (f == null) {
            return;
        }
        if (!f.dictionary) {
            if ("Filter".equals(f.parentKey) && f.parent != null) {
                f.parent.filters.add(FILTER_ABBREVIATIONS.getOrDefault(name, name));
            }
            return;
        }
        if (f.expectKey) {
            f.key = name;
            f.expectKey = false;
            if (name.equals("Encrypt")) {
                encrypted = true;
            }
            if (name.equals("Length1")) {
                f.fontProgram = true;
            }
            return;
        }
        switch (f.key) {
            case "Type" -> f.type = name;
            case "Subtype" -> {
                f.subtype = name;
                f.fontProgram |= FONT_SUBTYPES.contains(name);
            }
            case "Filter" -> f.filters.add(FILTER_ABBREVIATIONS.getOrDefault(name, name));
            default -> {
            }
        }
        f.valueRead();
    }

    private static void number(String token, Deque<Frame> open) {
        Frame f = open.peek();
        if (f == null || !f.dictionary) {
            return;
        }
        if (f.expectKey) {
            // A number where a key should be: the value before was a reference ("12 0 R"), not a number.
            switch (String.valueOf(f.key)) {
                case "Length" -> f.length = -1;
                case "Count" -> f.count = -1;
                case "N" -> f.objectsInside = -1;
                default -> {
                }
            }
            return;
        }
        long value = parseLong(token);
        switch (f.key) {
            case "Length" -> f.length = value;
            case "Count" -> f.count = value;
            case "N" -> f.objectsInside = value;
            default -> {
            }
        }
        f.valueRead();
    }

    private static void otherValue(Deque<Frame> open) {
        Frame f = open.peek();
        if (f != null && !f.expectKey) {
            f.valueRead();
        }
    }

    private void closedDictionary(Frame closed, Deque<Frame> open) {
        if ("Pages".equals(closed.type) && closed.count > pages) {
            pages = (int) Math.min(closed.count, Integer.MAX_VALUE);
            if (pages > ReadingLimits.MAX_PAGES) {
                throw new LimitExceeded("页数超过" + ReadingLimits.MAX_PAGES + "页（文件声明" + pages + "页）",
                        "a page tree of " + pages + " pages");
            }
        }
        otherValue(open);
    }

    private void countObjects(long count) {
        objects = (int) Math.min(objects + Math.max(count, 0), Integer.MAX_VALUE);
        if (objects > ReadingLimits.MAX_PDF_OBJECTS) {
            throw new LimitExceeded("对象超过" + ReadingLimits.MAX_PDF_OBJECTS + "个",
                    "more than " + ReadingLimits.MAX_PDF_OBJECTS + " objects");
        }
    }

    /** The stream after the keyword at {@code afterKeyword}, inflated or skipped; returns where its end is. */
    private int stream(byte[] b, int afterKeyword, int to, Frame dictionary) {
        int start = afterKeyword;
        if (start < to && b[start] == '\r') {
            start++;
        }
        if (start < to && b[start] == '\n') {
            start++;
        }
        int end = endOfStream(b, start, to, dictionary == null ? -1 : dictionary.length);
        if (dictionary != null && decodedForText(dictionary.subtype, dictionary.filters)) {
            boolean objectStream = "ObjStm".equals(dictionary.type);
            byte[] kept;
            long before = inflated;
            try {
                kept = decode(new ByteArrayInputStream(b, start, end - start), dictionary.filters, objectStream);
            } catch (IOException | RuntimeException e) {
                if (e instanceof LimitExceeded exceeded) {
                    throw exceeded;
                }
                kept = null; // not inflatable here (damaged, encrypted): PDFBox reads or refuses it
            }
            if (dictionary.fontProgram && objectNumber >= 0) {
                long size = dictionary.filters.isEmpty() ? end - start : inflated - before;
                fontPrograms.add(new FontProgram(objectNumber, objectGeneration, size));
            }
            if (objectStream) {
                countObjects(dictionary.objectsInside);
                if (dictionary.filters.isEmpty()) {
                    lex(b, start, end, false);
                } else if (kept != null) {
                    lex(kept, 0, kept.length, false);
                }
            }
        }
        int endKeyword = indexOf(b, ENDSTREAM, end, Math.min(to, end + 64));
        return endKeyword >= 0 ? endKeyword + ENDSTREAM.length : end;
    }

    /** Whether text extraction decodes such a stream: all but images do. */
    private static boolean decodedForText(String subtype, List<String> filters) {
        return !"Image".equals(subtype) && filters.stream().noneMatch(IMAGE_FILTERS::contains);
    }

    /** Where a stream's data ends: by its direct /Length when "endstream" follows it, else at the keyword. */
    private static int endOfStream(byte[] b, int start, int to, long length) {
        if (length >= 0 && start + length <= to) {
            int end = (int) (start + length);
            int keyword = indexOf(b, ENDSTREAM, end, Math.min(to, end + 64));
            if (keyword >= 0) {
                return end;
            }
        }
        int keyword = indexOf(b, ENDSTREAM, start, to);
        return keyword >= 0 ? keyword : to;
    }

    /**
     * Runs a stream's data through its filters (PDFBox's own), counting what comes out; returns
     * the output when {@code keep} (an object stream, to scan), else null.
     */
    private byte[] decode(InputStream data, List<String> filters, boolean keep) throws IOException {
        if (filters.isEmpty()) {
            return null;
        }
        InputStream input = data;
        for (int i = 0; i < filters.size(); i++) {
            Filter filter = FilterFactory.INSTANCE.getFilter(COSName.getPDFName(filters.get(i)));
            boolean last = i == filters.size() - 1;
            Counted out = new Counted(!last || keep, last && keep ? MAX_OBJECT_STREAM_BYTES : ReadingLimits.MAX_STREAM_BYTES);
            filter.decode(input, out, new COSDictionary(), 0);
            if (last) {
                return keep ? out.bytes() : null;
            }
            input = new ByteArrayInputStream(out.bytes());
        }
        return null;
    }

    /** Counts what a filter writes, against the stream's limit and the document's; keeps it if asked to. */
    private final class Counted extends OutputStream {
        private final ByteArrayOutputStream kept;
        private final long limit;
        private long count;

        Counted(boolean keep, long limit) {
            this.kept = keep ? new ByteArrayOutputStream() : null;
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            inflated += len;
            if (count > limit) {
                throw new LimitExceeded("一个数据流解压后超过" + limit / (1024 * 1024) + "MB",
                        "a stream inflating to more than " + limit + " bytes");
            }
            if (inflated > ReadingLimits.MAX_INFLATED_BYTES) {
                throw new LimitExceeded("数据流解压后合计超过" + ReadingLimits.MAX_INFLATED_BYTES / (1024 * 1024) + "MB",
                        "streams inflating to more than " + ReadingLimits.MAX_INFLATED_BYTES + " bytes");
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    private static boolean isDelimiter(byte c) {
        return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}'
                || c == '/' || c == '%';
    }

    private static int endOfToken(byte[] b, int i, int to) {
        while (i < to && !isWhitespace(b[i]) && !isDelimiter(b[i])) {
            i++;
        }
        return i;
    }

    private static int endOfLine(byte[] b, int i, int to) {
        while (i < to && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }

    /** After a literal string: parentheses balance inside one, a backslash escapes the next byte. */
    private static int endOfLiteralString(byte[] b, int i, int to) {
        int depth = 0;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return to;
    }

    private static boolean isNumber(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    private static long parseLong(String token) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return to - 1;
    }

    private static int indexOf(byte[] b, byte[] needle, int from, int to) {
        int last = to - needle.length;
        outer:
        for (int i = Math.max(from, 0); i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
