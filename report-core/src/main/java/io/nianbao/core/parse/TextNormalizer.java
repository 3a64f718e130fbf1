package io.nianbao.core.parse;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Puts extracted text into one canonical form before anything is matched: pinyin glosses
 * dropped, full-width forms folded to ASCII (NFKC), traditional characters simplified, odd
 * spaces unified. Line breaks are kept: they carry the cell structure of plain-text captures.
 */
public final class TextNormalizer {

    /** Creating the transliterator takes tens of milliseconds: one instance for the process. */
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    /** Characters the transliterator may change; text without any of them is left alone (fast path). */
    private static final UnicodeSet TRADITIONAL = TO_SIMPLIFIED.getSourceSet().freeze();
    /** "鎮(zhèn)": some portals print a pinyin gloss after each traditional character. */
    private static final Pattern PINYIN_GLOSS =
            Pattern.compile("(?<=\\p{IsHan})\\s?\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\\)");
    private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u2000-\\u200B\\u3000\\uFEFF\\u00AD]");
    private static final Pattern MINUS = Pattern.compile("[\\u2212\\uFE63]");

    private TextNormalizer() {
    }

    /** The canonical form of {@code raw}; null becomes "". */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        // NFKC first: it turns "（zhèn）" into "(zhèn)" so one gloss pattern covers both widths.
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = ODD_SPACE.matcher(s).replaceAll(" ");
        s = MINUS.matcher(s).replaceAll("-");
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        if (!TRADITIONAL.containsNone(s)) {
            s = simplify(s);
        }
        // After simplification so glosses on characters the transliterator touched are still adjacent.
        if (s.indexOf('(') >= 0) {
            s = PINYIN_GLOSS.matcher(s).replaceAll("");
        }
        return s;
    }

    private static String simplify(String s) {
        // ICU transliterators are not safe for concurrent use.
        synchronized (TO_SIMPLIFIED) {
            return TO_SIMPLIFIED.transliterate(s);
        }
    }

    /** The text without any whitespace: how labels and headings are compared. */
    public static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
