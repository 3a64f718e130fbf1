package io.nianbao.core.extract;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTVMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Word documents to lines: paragraphs are lines, table rows are tab-separated lines. A cell that
 * only continues a vertical merge is layout, not a blank cell, and is left out.
 */
public final class WordExtractor {

    private WordExtractor() {
    }

    public static List<String> docx(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> lines = new ArrayList<>();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    lines.add(p.getText());
                } else if (e instanceof XWPFTable t) {
                    tableLines(t, lines);
                }
            }
            return lines;
        }
    }

    private static void tableLines(XWPFTable table, List<String> lines) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                if (!continuesMerge(cell)) {
                    cells.add(cell.getText().replace('\t', ' ').replace('\n', ' ').strip());
                }
            }
            lines.add(String.join("\t", cells));
        }
    }

    private static boolean continuesMerge(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || !pr.isSetVMerge()) {
            return false;
        }
        CTVMerge merge = pr.getVMerge();
        return merge.getVal() == null || merge.getVal() == STMerge.CONTINUE;
    }

    /** Word 97–2003: table cells end with the cell mark (\u0007); a row ends with an extra mark. */
    public static List<String> doc(byte[] bytes) throws IOException {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            Range range = doc.getRange();
            List<String> lines = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            for (int i = 0; i < range.numParagraphs(); i++) {
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
                    cell.append(' ').append(clean(text));
                    if (cellEnd) {
                        row.add(cell.toString().strip());
                        cell.setLength(0);
                    }
                } else {
                    lines.add(clean(text));
                }
            }
            return lines;
        }
    }

    /** Word's control characters (cell marks, field codes, page breaks) out of the text. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u000B') {
                b.append(' ');
            } else if (c >= 0x20 || c == '\t') {
                b.append(c == '\t' ? ' ' : c);
            }
        }
        return b.toString().strip();
    }
}
