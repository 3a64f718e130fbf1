package io.nianbao.core.parse;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSetIterator;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts extracted text into one canonical form before anything is matched: pinyin glosses
 * dropped, full-width forms folded to ASCII (NFKC), traditional characters simplified, odd
 * spaces unified. Line breaks are kept: they carry the cell structure of plain-text captures.
 */
public final class TextNormalizer {

    /** Creating the transliterator takes hundreds of milliseconds: one instance for the process. */
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    /**
     * The transliterator's mapping of single characters, tabulated once: running the rule-based
     * transliterator over every line costs milliseconds per report, a table lookup microseconds.
     * Its source set also holds thousands of characters common in simplified text; only those it
     * really changes are kept.
     */
    private static final Map<Integer, String> SIMPLIFIED = simplifiedTable();
    /** "鎮(zhèn)": some portals print a pinyin gloss after each traditional character. */
    private static final Pattern PINYIN_GLOSS =
            Pattern.compile("(?<=\\p{IsHan})\\s?\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\\)");

    private TextNormalizer() {
    }

    /** The canonical form of {@code raw}; null becomes "". */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        // NFKC first: it turns "（zhèn）" into "(zhèn)" so one gloss pattern covers both widths.
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = s.replace("\r\n", "\n");
        s = fold(s);
        // After simplification so glosses on characters the transliterator touched are still adjacent.
        if (mayHaveGloss(s)) {
            s = PINYIN_GLOSS.matcher(s).replaceAll("");
        }
        return s;
    }

    private static Map<Integer, String> simplifiedTable() {
        Map<Integer, String> table = new HashMap<>();
        for (UnicodeSetIterator it = new UnicodeSetIterator(TO_SIMPLIFIED.getSourceSet()); it.next(); ) {
            if (it.codepoint != UnicodeSetIterator.IS_STRING) {
                String c = new String(Character.toChars(it.codepoint));
                String simplified = TO_SIMPLIFIED.transliterate(c);
                if (!simplified.equals(c)) {
                    table.put(it.codepoint, simplified);
                }
            }
        }
        return Map.copyOf(table);
    }

    /**
     * One pass over the text (a regex per concern had been 7% of parse-service's CPU): odd
     * spaces become " ", minus signs "-", a lone CR a line break, traditional characters simplified.
     */
    private static String fold(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String to = folded(cp);
            if (to != null && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                if (to != null) {
                    b.append(to);
                } else {
                    b.appendCodePoint(cp);
                }
            }
            i += Character.charCount(cp);
        }
        return b == null ? s : b.toString();
    }

    /** What a code point becomes, or null when it stays. */
    private static String folded(int cp) {
        return switch (cp) {
            case '\u00A0', '\u3000', '\uFEFF', '\u00AD' -> " ";
            case '\u2212', '\uFE63' -> "-";
            case '\r' -> "\n";
            default -> cp >= 0x2000 && cp <= 0x200B ? " " : cp < 0x3400 ? null : SIMPLIFIED.get(cp);
        };
    }

    /** Whether a "(" is followed by a lower-case letter: most texts have no gloss, and the regex is slow. */
    private static boolean mayHaveGloss(String s) {
        for (int i = s.indexOf('('); i >= 0 && i + 1 < s.length(); i = s.indexOf('(', i + 1)) {
            if (Character.isLowerCase(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
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
