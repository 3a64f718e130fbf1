package io.nianbao.core.extract;

import io.nianbao.core.extract.ReadingLimits.LimitExceeded;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word documents to lines: paragraphs are lines, table rows are tab-separated lines. A cell that
 * only continues a vertical merge is layout, not a blank cell, and is left out. A DOCX's pictures
 * leave a placeholder line after the paragraph or row that holds them, for OCR's lines to take
 * their place ({@link DocumentImages}).
 *
 * <p>A DOCX is read as a stream (StAX over its main part, taken from the ZIP's central directory),
 * never as a tree: POI's XWPF model holds the whole document in memory several times over its
 * size, and the text is all that is needed. A DOC is read with POI's HWPF.
 */
public final class WordExtractor {

    private static final String MAIN_PART = "word/document.xml";
    private static final String OFFICE_DOCUMENT = "/officeDocument";
    /** Elements whose text is not the document's: deleted text, field codes, text boxes, alternates. */
    private static final Set<String> SKIPPED = Set.of("delText", "instrText", "txbxContent", "Fallback", "pPr", "rPr", "sectPr");

    private static final XMLInputFactory XML = xmlInputFactory();

    private WordExtractor() {
    }

    /**
     * The body's lines; where a picture stands ({@link #docxPictures}), a line
     * {@link DocumentImages#placeholder} follows the paragraph or the table row that holds it.
     */
    public static List<String> docx(byte[] bytes, ReadingLimits limits) throws IOException {
        try (ZipFile zip = open(bytes)) {
            return body(zip, mainPart(zip), limits).lines;
        }
    }

    /**
     * The ZIP entries of the pictures the body shows, in document order (the order of its
     * placeholders); null for a picture whose relationship names no part of the package.
     */
    static List<String> docxPictures(byte[] bytes, ReadingLimits limits) throws IOException {
        try (ZipFile zip = open(bytes)) {
            String mainPart = mainPart(zip);
            List<String> relationshipIds = body(zip, mainPart, limits).pictures;
            Map<String, String> parts = relationshipTargets(zip, mainPart);
            List<String> pictures = new ArrayList<>(relationshipIds.size());
            relationshipIds.forEach(id -> pictures.add(parts.get(id)));
            return pictures;
        }
    }

    /** The bytes of a picture's part, refused beyond {@link ReadingLimits#MAX_IMAGE_BYTES} as they inflate. */
    static byte[] docxPicture(byte[] bytes, String part) throws IOException {
        try (ZipFile zip = open(bytes)) {
            ZipArchiveEntry entry = zip.getEntry(part);
            if (entry == null) {
                throw new IOException("no part " + part + " in the DOCX");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] read = in.readNBytes(ReadingLimits.MAX_IMAGE_BYTES + 1);
                if (read.length > ReadingLimits.MAX_IMAGE_BYTES) {
                    throw ReadingLimits.imageTooLarge("picture " + part + " inflating to more than " + ReadingLimits.MAX_IMAGE_BYTES + " bytes");
                }
                return read;
            }
        }
    }

    private static ZipFile open(byte[] bytes) throws IOException {
        return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
    }

    private static BodyReader body(ZipFile zip, String mainPart, ReadingLimits limits) throws IOException {
        ZipArchiveEntry main = zip.getEntry(mainPart);
        if (main == null) {
            throw new IOException("no main document part in the DOCX");
        }
        try (InputStream xml = new Inflated(zip.getInputStream(main))) {
            BodyReader body = new BodyReader(limits);
            body.read(xml);
            return body;
        }
    }

    /**
     * The parts the main part's relationships name inside the package, by relationship id; a
     * target is relative to the main part's folder unless it starts with '/'.
     */
    private static Map<String, String> relationshipTargets(ZipFile zip, String mainPart) throws IOException {
        int slash = mainPart.lastIndexOf('/');
        String folder = mainPart.substring(0, slash + 1);
        Map<String, String> targets = new HashMap<>();
        try {
            for (Relationship r : relationships(zip, folder + "_rels/" + mainPart.substring(slash + 1) + ".rels")) {
                if (!r.external() && r.id() != null && r.target() != null) {
                    targets.put(r.id(), r.target().startsWith("/") ? r.target().substring(1)
                            : URI.create(folder).resolve(r.target()).getPath());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("a relationship of " + mainPart + " names no part: " + e.getMessage(), e);
        }
        return targets;
    }

    /** The main part the package relationships name, or the usual one. */
    private static String mainPart(ZipFile zip) throws IOException {
        for (Relationship r : relationships(zip, "_rels/.rels")) {
            if (String.valueOf(r.type()).endsWith(OFFICE_DOCUMENT)) {
                return r.target() == null ? MAIN_PART : r.target().startsWith("/") ? r.target().substring(1) : r.target();
            }
        }
        return MAIN_PART;
    }

    /** A relationship of a part of the package to another part, or to something outside it. */
    private record Relationship(String id, String type, String target, boolean external) {
    }

    /** The relationships a relationships part holds, in its order; none when the package has no such part. */
    private static List<Relationship> relationships(ZipFile zip, String relsPart) throws IOException {
        ZipArchiveEntry rels = zip.getEntry(relsPart);
        List<Relationship> relationships = new ArrayList<>();
        if (rels == null) {
            return relationships;
        }
        try (InputStream in = new Inflated(zip.getInputStream(rels))) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    relationships.add(new Relationship(xml.getAttributeValue(null, "Id"), xml.getAttributeValue(null, "Type"),
                            xml.getAttributeValue(null, "Target"), "External".equals(xml.getAttributeValue(null, "TargetMode"))));
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("unreadable relationships " + relsPart + ": " + e.getMessage(), e);
        }
        return relationships;
    }

    /**
     * No DTDs and no external entities: a document part has neither, and both are ways in. The
     * JDK's own depth limit (100 from JDK 24) is set above ours, so that ours names the limit.
     */
    private static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty("jdk.xml.maxElementDepth", 2 * ReadingLimits.MAX_NESTING);
        return factory;
    }

    /** The body's paragraphs and table rows, as they stream past. */
    private static final class BodyReader {
        private final ReadingLimits limits;
        private final List<String> lines = new ArrayList<>();
        /** Open elements' local names: to tell a run's tab from a tab stop. */
        private final Deque<String> open = new ArrayDeque<>();
        private final Deque<Table> tables = new ArrayDeque<>();
        private final StringBuilder paragraph = new StringBuilder();
        /** Relationship ids of the pictures met, in document order: a picture's index is its place here. */
        final List<String> pictures = new ArrayList<>();
        /** Placeholders of pictures met in the paragraph or top-level table row being read. */
        private final List<String> placeholders = new ArrayList<>();
        private int skipping;
        private boolean inText;
        private int events;

        BodyReader(ReadingLimits limits) {
            this.limits = limits;
        }

        /** A table being read: its row's cells, and the cell being read. */
        private static final class Table {
            final List<String> row = new ArrayList<>();
            final StringBuilder cell = new StringBuilder();
            boolean continuesMerge;
        }

        void read(InputStream in) throws IOException {
            try {
                XMLStreamReader xml = XML.createXMLStreamReader(in);
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (++events % 1024 == 0) {
                        limits.checkTime();
                    }
                    switch (event) {
                        case XMLStreamConstants.START_ELEMENT -> start(xml);
                        case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                            if (inText && skipping == 0) {
                                paragraph.append(xml.getText());
                            }
                        }
                        default -> {
                        }
                    }
                }
                lines.addAll(placeholders);
            } catch (XMLStreamException e) {
                throw new IOException("unreadable document part: " + e.getMessage(), e);
            }
        }

        private void start(XMLStreamReader xml) {
            String name = xml.getLocalName();
            String parent = open.peek();
            open.push(name);
            ReadingLimits.checkNesting(open.size());
            if (skipping > 0 || SKIPPED.contains(name)) {
                skipping++;
                return;
            }
            boolean inRun = "r".equals(parent);
            switch (name) {
                case "t" -> inText = true;
                case "tab" -> {
                    if (inRun) {
                        paragraph.append(tables.isEmpty() ? '\t' : ' ');
                    }
                }
                case "br", "cr" -> {
                    if (inRun) {
                        paragraph.append(tables.isEmpty() ? '\n' : ' ');
                    }
                }
                case "noBreakHyphen" -> paragraph.append('-');
                case "blip" -> picture(relationshipId(xml, "embed"));
                case "imagedata" -> picture(relationshipId(xml, "id"));
                case "p" -> paragraph.setLength(0);
                case "tbl" -> tables.push(new Table());
                case "tc" -> {
                    if (!tables.isEmpty()) {
                        tables.peek().cell.setLength(0);
                        tables.peek().continuesMerge = false;
                    }
                }
                case "vMerge" -> {
                    String val = xml.getAttributeValue(xml.getNamespaceURI(), "val");
                    if (!tables.isEmpty() && (val == null || val.equals("continue"))) {
                        tables.peek().continuesMerge = true;
                    }
                }
                default -> {
                }
            }
        }

        /** A picture shown by a DrawingML blip or a VML imagedata, when it names an embedded part. */
        private void picture(String relationshipId) {
            if (relationshipId != null) {
                placeholders.add(DocumentImages.placeholder(pictures.size()));
                pictures.add(relationshipId);
            }
        }

        /** The value of the attribute of this local name in the relationships namespace (transitional or strict). */
        private static String relationshipId(XMLStreamReader xml, String localName) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (xml.getAttributeLocalName(i).equals(localName)
                        && String.valueOf(xml.getAttributeNamespace(i)).endsWith("relationships")) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        private void end(String name) {
            open.pop();
            if (skipping > 0) {
                skipping--;
                return;
            }
            switch (name) {
                case "t" -> inText = false;
                case "p" -> endParagraph();
                case "tc" -> {
                    Table table = tables.peek();
                    if (table != null && !table.continuesMerge) {
                        String text = table.cell.toString().strip();
                        limits.cells(1);
                        table.row.add(text);
                    }
                }
                case "tr" -> endRow();
                case "tbl" -> tables.pop();
                default -> {
                }
            }
        }

        private void endParagraph() {
            String text = paragraph.toString();
            paragraph.setLength(0);
            limits.chars(text.length());
            Table table = tables.peek();
            if (table != null) {
                appendTo(table.cell, text);
            } else {
                lines.addAll(List.of(text.split("\n", -1)));
                flushPlaceholders();
            }
        }

        private void flushPlaceholders() {
            lines.addAll(placeholders);
            placeholders.clear();
        }

        /** A top-level table's row is a line; a nested table's row goes into the enclosing cell. */
        private void endRow() {
            Table table = tables.pop();
            Table enclosing = tables.peek();
            if (enclosing == null) {
                lines.add(String.join("\t", table.row));
                flushPlaceholders();
            } else {
                appendTo(enclosing.cell, String.join(" ", table.row));
            }
            table.row.clear();
            tables.push(table);
        }

        private static void appendTo(StringBuilder cell, String text) {
            String t = text.replace('\t', ' ').replace('\n', ' ').strip();
            if (!t.isEmpty()) {
                if (!cell.isEmpty()) {
                    cell.append(' ');
                }
                cell.append(t);
            }
        }
    }

    /**
     * What a part inflates to, counted against the reading limit on inflated bytes; and the bytes
     * between one '<' and the next, since a StAX parser holds a whole text node (or a tag) in
     * memory: more than four bytes for each character of the character limit is more characters
     * than it in any encoding.
     */
    private static final class Inflated extends FilterInputStream {
        private static final long MAX_RUN = 4L * ReadingLimits.MAX_CHARS;
        private long count;
        private long run;

        Inflated(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(b, off, n);
            }
            return n;
        }

        private void counted(byte[] b, int off, int n) {
            count += n;
            if (count > ReadingLimits.MAX_INFLATED_BYTES) {
                throw new LimitExceeded("文档内容解压后超过" + ReadingLimits.MAX_INFLATED_BYTES / (1024 * 1024) + "MB",
                        "a document part inflating to more than " + ReadingLimits.MAX_INFLATED_BYTES + " bytes");
            }
            for (int i = off; i < off + n; i++) {
                run = b[i] == '<' ? 0 : run + 1;
            }
            if (run > MAX_RUN) {
                throw new LimitExceeded("文字超过" + ReadingLimits.MAX_CHARS + "个字符",
                        "a text or tag of more than " + MAX_RUN + " bytes");
            }
        }
    }

    /** Word 97–2003: table cells end with the cell mark (\u0007); a row ends with an extra mark. */
    public static List<String> doc(byte[] bytes, ReadingLimits limits) throws IOException {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            Range range = doc.getRange();
            limits.chars(range.text().length());
            List<String> lines = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            for (int i = 0; i < range.numParagraphs(); i++) {
                if (i % 256 == 0) {
                    limits.checkTime();
                }
                Paragraph p = range.getParagraph(i);
                String text = p.text();
                if (p.isInTable()) {
                    if (p.isTableRowEnd()) {
                        lines.add(String.join("\t", row));
                        row.clear();
                        cell.setLength(0);
                        continue;
                    }
                    boolean cellEnd = text.endsWith("\u0007");
                    cell.append(' ').append(clean(text, false));
                    if (cellEnd) {
                        limits.cells(1);
                        row.add(cell.toString().strip());
                        cell.setLength(0);
                    }
                } else {
                    lines.add(clean(text, true));
                }
            }
            return lines;
        }
    }

    /**
     * Word's control characters (cell marks, field codes, page breaks) out of the text. A tab
     * stays where it separates columns set with tab stops; inside a table cell it is a space.
     */
    private static String clean(String s, boolean keepTabs) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u000B') {
                b.append(' ');
            } else if (c >= 0x20 || c == '\t') {
                b.append(c == '\t' && !keepTabs ? ' ' : c);
            }
        }
        return b.toString().strip();
    }
}
