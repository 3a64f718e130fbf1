package io.nianbao.core.ocr;

import io.nianbao.core.parse.Cell;
import io.nianbao.core.parse.CellReader;
import io.nianbao.core.parse.TextNormalizer;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What OCR read, as the text the parser reads: a table row is its cells' texts joined by tabs, as
 * the HTML extractor gives a row. A cell read with too little confidence is marked
 * ({@link CellReader#UNCONFIDENT}) so that the parser takes it as uncertain (null, PARSE-UNCERTAIN
 * quoting what was read) and never as the value it seems to be.
 */
public final class OcrText {

    /** What stands for a digit of prose OCR was unsure of: no number, so no rule reads one there. */
    public static final char UNREAD_DIGIT = '?';
    private static final Pattern UNSURE_DIGITS = Pattern.compile("[0-9０-９]");

    private OcrText() {
    }

    /**
     * An image's lines as the parser reads lines: a table row tab-joined ({@link #cellText}), prose
     * as read — but for the digits of a line read without confidence, which become
     * {@value #UNREAD_DIGIT}: the prose rules compare the numbers of the text with the tables', and a
     * digit OCR was unsure of must not make a mismatch to accuse the agency of.
     */
    public static List<String> lines(List<RecognisedLine> lines) {
        return lines.stream()
                .map(line -> line.tableRow()
                        ? line.cells().stream().map(OcrText::cellText).collect(Collectors.joining("\t"))
                        : line.cells().stream().map(OcrText::proseText).collect(Collectors.joining(" ")))
                .toList();
    }

    private static String proseText(RecognisedCell cell) {
        return cell.confident() ? cell.text() : UNSURE_DIGITS.matcher(cell.text()).replaceAll(String.valueOf(UNREAD_DIGIT));
    }

    /**
     * The text of a table cell for its row's tab-joined line: as read when confident, or when it
     * is words (a label or header: the parser matches those by meaning, and they are no value);
     * else marked. Tabs and line breaks become spaces: they would split the row.
     */
    public static String cellText(RecognisedCell cell) {
        String text = cell.text().replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
        return cell.confident() || isWords(text) ? text : CellReader.UNCONFIDENT + text;
    }

    /** Text the parser reads as text, with a Chinese character in it: no number or placeholder, nor digits OCR garbled. */
    private static boolean isWords(String text) {
        String normalized = TextNormalizer.normalize(text);
        Cell cell = CellReader.read(normalized, 0);
        return cell.isText() && normalized.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
