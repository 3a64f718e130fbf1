package io.nianbao.core.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** The kinds of document the reader takes, told apart by their bytes, never by a file name. */
public enum DocumentType {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    DOC("application/msword"),
    HTML("text/html"),
    TEXT("text/plain"),
    IMAGE(null), OTHER_ZIP(null), OTHER_OLE(null), OTHER_BINARY(null);

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type a readable document is announced with downstream; null for kinds the reader refuses. */
    public String mediaType() {
        return mediaType;
    }

    /** The readable kind announced with {@code mediaType}, or null. */
    public static DocumentType ofMediaType(String mediaType) {
        for (DocumentType type : values()) {
            if (type.mediaType != null && type.mediaType.equals(mediaType)) {
                return type;
            }
        }
        return IMAGE_MEDIA_TYPES.contains(mediaType) ? IMAGE : null;
    }

    /** The images read by OCR ({@link DocumentImages}) that a document may be: photographs and scans of a report. */
    private static final Set<String> IMAGE_MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/tiff");

    /**
     * The media type a document of these bytes is announced with downstream: its kind's, and for an
     * image, the image format's (PNG, JPEG or TIFF); null for what the reader refuses, GIF and BMP
     * included (no report is published as one).
     */
    public static String mediaTypeOf(byte[] b) {
        DocumentType type = detect(b);
        if (type != IMAGE) {
            return type.mediaType;
        }
        if (startsWith(b, PNG)) {
            return "image/png";
        }
        if (startsWith(b, JPEG)) {
            return "image/jpeg";
        }
        return startsWith(b, TIFF_LITTLE_ENDIAN) || startsWith(b, TIFF_BIG_ENDIAN) ? "image/tiff" : null;
    }

    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};
    private static final int SNIFF = 1024;

    public static DocumentType detect(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII)) || indexOf(b, "%PDF-", SNIFF) >= 0) {
            return PDF;
        }
        if (startsWith(b, new byte[]{'P', 'K', 3, 4})) {
            return indexOf(b, "word/", b.length) >= 0 ? DOCX : OTHER_ZIP;
        }
        if (startsWith(b, OLE)) {
            return isOleWord(b) ? DOC : OTHER_OLE;
        }
        if (isImage(b)) {
            return IMAGE;
        }
        if (looksBinary(b)) {
            return OTHER_BINARY;
        }
        String head = new String(b, 0, Math.min(b.length, SNIFF), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<table")
                || head.contains("<meta") || head.contains("<div") || head.contains("<p>") || head.contains("<head")) {
            return HTML;
        }
        return TEXT;
    }

    /** A Word 97 binary names its main stream "WordDocument" (UTF-16 in the directory). */
    private static boolean isOleWord(byte[] b) {
        byte[] name = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
        return indexOf(b, name, b.length) >= 0;
    }

    private static boolean isImage(byte[] b) {
        return startsWith(b, PNG) || startsWith(b, JPEG)
                || startsWith(b, "GIF8".getBytes(StandardCharsets.US_ASCII))
                || startsWith(b, TIFF_LITTLE_ENDIAN) || startsWith(b, TIFF_BIG_ENDIAN)
                || startsWith(b, "BM".getBytes(StandardCharsets.US_ASCII)) && b.length > 14 && b[6] == 0 && b[7] == 0;
    }

    /** NUL bytes or many control bytes in the head: not text in any charset we read (UTF-16 aside). */
    private static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, SNIFF * 4);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return !startsWith(b, new byte[]{(byte) 0xFF, (byte) 0xFE}) && !startsWith(b, new byte[]{(byte) 0xFE, (byte) 0xFF});
            }
            if (c < 0x09 || c > 0x0D && c < 0x20 && c != 0x1B) {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, String ascii, int limit) {
        return indexOf(b, ascii.getBytes(StandardCharsets.US_ASCII), limit);
    }

    private static int indexOf(byte[] b, byte[] needle, int limit) {
        int end = Math.min(b.length, limit) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
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
