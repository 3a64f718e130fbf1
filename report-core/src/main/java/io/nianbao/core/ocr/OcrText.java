package io.nianbao.core.ocr;

import io.nianbao.core.parse.Cell;
import io.nianbao.core.parse.CellReader;
import io.nianbao.core.parse.TextNormalizer;

/**
 * What OCR read, as the text the parser reads: a table row is its cells' texts joined by tabs, as
 * the HTML extractor gives a row. A cell read with too little confidence is marked
 * ({@link CellReader#UNCONFIDENT}) so that the parser takes it as uncertain (null, PARSE-UNCERTAIN
 * quoting what was read) and never as the value it seems to be.
 */
public final class OcrText {

    private OcrText() {
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
