package io.nianbao.core.extract;

import io.nianbao.core.UnreadableDocumentException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text for text and HTML documents: a BOM wins, then a declared charset (HTML meta),
 * then UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312, which many
 * portals still serve).
 */
public final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
    /** Share of undecodable characters above which the bytes are not text in any charset tried. */
    private static final double MAX_BAD = 0.02;
    /** Characters decoded at a time when only the count matters. */
    private static final int PIECE = 16 * 1024;

    private TextDecoder() {
    }

    /** The decoded text, or null when the bytes are not text in any charset tried. */
    public static String decode(byte[] bytes, boolean html) {
        Charset marked = byteOrderMark(bytes);
        if (marked != null) {
            int mark = marked.equals(StandardCharsets.UTF_8) ? 3 : 2;
            return new String(bytes, mark, bytes.length - mark, marked);
        }
        if (html) {
            Charset declared = declaredCharset(bytes);
            if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
                return acceptable(new String(bytes, declared));
            }
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8;
        }
        return acceptable(new String(bytes, GB18030));
    }

    /** The decoded text; a document that is not text in any charset tried is refused (BAD_CHARSET). */
    public static String decodeOrRefuse(byte[] bytes, boolean html) throws UnreadableDocumentException {
        String text = decode(bytes, html);
        if (text == null) {
            throw new UnreadableDocumentException(UnreadableDocumentException.Reason.BAD_CHARSET,
                    "无法识别文件的字符编码（既不是UTF-8也不是GBK/GB18030），请检查文件。", "undecodable");
        }
        return text;
    }

    /**
     * Whether {@link #decode} would decode the bytes, found without holding the text: decoded a
     * piece at a time, counting what does not decode.
     */
    public static boolean decodes(byte[] bytes, boolean html) {
        if (byteOrderMark(bytes) != null) {
            return true;
        }
        if (html) {
            Charset declared = declaredCharset(bytes);
            if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
                return acceptablePieceByPiece(bytes, declared);
            }
        }
        return isUtf8(bytes) || acceptablePieceByPiece(bytes, GB18030);
    }

    /** The charset a byte-order mark opening the bytes names (UTF-8, UTF-16LE or BE), or null. */
    private static Charset byteOrderMark(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Valid UTF-8, but for a sequence cut off at the very end, as {@link #strictUtf8} takes it. */
    private static boolean isUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, utf8End(bytes));
        CharBuffer out = CharBuffer.allocate(PIECE);
        while (true) {
            CoderResult result = d.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            out.clear();
        }
    }

    /** At most {@link #MAX_BAD} of the characters undecodable, counted a piece of text at a time. */
    private static boolean acceptablePieceByPiece(byte[] bytes, Charset charset) {
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(PIECE);
        long chars = 0;
        long bad = 0;
        boolean more = true;
        while (more) {
            more = d.decode(in, out, true).isOverflow();
            if (!more) {
                d.flush(out);
            }
            out.flip();
            chars += out.remaining();
            while (out.hasRemaining()) {
                if (out.get() == '\uFFFD') {
                    bad++;
                }
            }
            out.clear();
        }
        return chars == 0 || bad <= chars * MAX_BAD;
    }

    /** The charset a meta tag declares, widened to GB18030 for the GB family; null if none or unknown. */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (name.startsWith("gb") || name.equals("x-gbk") || name.equals("cp936")) {
            return GB18030;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** UTF-8 if the bytes are valid UTF-8, allowing a sequence cut off at the very end (truncated download). */
    private static String strictUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes, 0, utf8End(bytes)));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Where the bytes end once an incomplete trailing UTF-8 sequence (at most 3 bytes) is dropped. */
    private static int utf8End(byte[] bytes) {
        for (int back = 1; back <= 3 && back <= bytes.length; back++) {
            int b = bytes[bytes.length - back] & 0xFF;
            if (b >= 0xC0) {
                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return need > back ? bytes.length - back : bytes.length;
            }
            if (b < 0x80) {
                break;
            }
        }
        return bytes.length;
    }

    private static String acceptable(String text) {
        long bad = text.chars().filter(c -> c == '\uFFFD').count();
        return text.isEmpty() || bad <= text.length() * MAX_BAD ? text : null;
    }
}
