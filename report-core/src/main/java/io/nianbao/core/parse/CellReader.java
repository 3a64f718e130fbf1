package io.nianbao.core.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies one cell's text: a number (with unit, sign, separators), a blank, uncertain, or text. */
public final class CellReader {

    /**
     * Put before a cell's text, says OCR read it with too little confidence
     * ({@link io.nianbao.core.ocr.OcrText}): the cell is {@link Cell.Kind#UNCERTAIN}, its raw text
     * what OCR read. U+FDD0 is a Unicode noncharacter, reserved for a program's internal use: no
     * report holds it, and normalisation (NFKC, folding) keeps it.
     */
    public static final char UNCONFIDENT = '\uFDD0';

    private static final Set<String> PLACEHOLDERS = Set.of("/", "\\", "-", "--", "—", "——", "–", "―", "无", "空", "-/-", "×", "x", "X");
    /** Sign, digits (optionally grouped by commas), decimals, unit. */
    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(万元|元|万|件|个|项|条|次|宗|家|人次)?");
    /** "1 234 567": spaces as thousands separators are unambiguous. */
    private static final Pattern SPACE_THOUSANDS = Pattern.compile("\\d{1,3}(?: \\d{3})+");
    /** "123 元" → "123元": a space before the unit is not a digit split. */
    private static final Pattern UNIT_SPACE = Pattern.compile("(?<=\\d)\\s+(?=[万元件个项条次宗家人])");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d+(?: \\d+)+");
    /** Characters OCR and extraction put into numbers: the cell is a damaged number, not text. */
    private static final Pattern DAMAGED_NUMBER = Pattern.compile("(?=.*\\d)[\\dOoIl|.,'’`:; ]+(元|万元|件)?");

    private CellReader() {
    }

    /** The cell's classification; {@code text} should be normalised already. */
    public static Cell read(String text, int line) {
        String s = text.strip();
        if (!s.isEmpty() && s.charAt(0) == UNCONFIDENT) {
            return new Cell(Cell.Kind.UNCERTAIN, s.substring(1).strip(), null, null, List.of(), line, false, true);
        }
        if (s.isEmpty() || PLACEHOLDERS.contains(s)) {
            return new Cell(Cell.Kind.BLANK, s, null, null, List.of(), line, false);
        }
        if (s.length() > 40) {
            return text(s, line);
        }
        String bare = stripWrapping(s);
        if (!containsDigit(bare)) {
            // Most cells are labels: every pattern below needs an ASCII digit (\d).
            return text(s, line);
        }
        if (onlyDigits(bare)) {
            // Most of the rest are plain counts: what NUMBER would read, without its regex.
            return new Cell(Cell.Kind.NUMBER, s, new BigDecimal(bare), null, List.of(), line, false);
        }
        if (SPACE_THOUSANDS.matcher(bare).matches()) {
            bare = bare.replace(" ", "");
        }
        Matcher m = NUMBER.matcher(bare.indexOf(' ') < 0 ? bare : UNIT_SPACE.matcher(bare).replaceAll(""));
        if (m.matches()) {
            String digits = m.group(2).replace(",", "");
            String number = m.group(1) + digits + (m.group(3) == null ? "" : "." + m.group(3));
            return new Cell(Cell.Kind.NUMBER, s, new BigDecimal(number), m.group(4), List.of(), line, false);
        }
        if (DIGIT_GROUPS.matcher(bare).matches()) {
            List<BigDecimal> parts = new ArrayList<>();
            for (String p : bare.split(" ")) {
                parts.add(new BigDecimal(p));
            }
            return new Cell(Cell.Kind.UNCERTAIN, s, null, null, List.copyOf(parts), line, false);
        }
        if (DAMAGED_NUMBER.matcher(bare).matches()) {
            return new Cell(Cell.Kind.UNCERTAIN, s, null, null, List.of(), line, false);
        }
        return text(s, line);
    }

    private static Cell text(String s, int line) {
        return new Cell(Cell.Kind.TEXT, s, null, null, List.of(), line, false);
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Drops brackets around a value: "(12)" and "[12]" are 12. */
    private static String stripWrapping(String s) {
        if (s.length() > 2 && (s.charAt(0) == '(' && s.endsWith(")") || s.charAt(0) == '[' && s.endsWith("]"))) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
