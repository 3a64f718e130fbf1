package io.nianbao.samples;

import io.nianbao.samples.ReportDocument.Block;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Table;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/** A laid-out report as an agency's Word document. */
final class WordDocuments {

    private WordDocuments() {
    }

    /** DOCX: paragraphs, and Word tables whose spanned cells are merged (gridSpan, vMerge) as Word merges them. */
    static byte[] docx(ReportDocument document) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block block : document.blocks()) {
                switch (block) {
                    case Line line -> doc.createParagraph().createRun().setText(line.text());
                    case Table table -> table(doc.createTable(), Grid.of(table));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(XWPFTable table, Grid grid) {
        table.removeRow(0);
        for (int r = 0; r < grid.starts().size(); r++) {
            CTRow row = table.getCTTbl().addNewTr();
            for (int c = 0; c < grid.columns(); ) {
                Grid.Placed placed = grid.at(r, c);
                CTTc cell = row.addNewTc();
                CTTcPr properties = cell.addNewTcPr();
                if (placed == null) {
                    cell.addNewP();
                    c++;
                    continue;
                }
                if (placed.cell().colspan() > 1) {
                    properties.addNewGridSpan().setVal(BigInteger.valueOf(placed.cell().colspan()));
                }
                boolean starts = placed.row() == r;
                if (placed.cell().rowspan() > 1) {
                    // A merged cell's first slot restarts the merge; the slots below continue it, empty.
                    properties.addNewVMerge().setVal(starts ? STMerge.RESTART : STMerge.CONTINUE);
                }
                cell.addNewP().addNewR().addNewT().setStringValue(starts ? placed.cell().text() : "");
                c += placed.cell().colspan();
            }
        }
    }

    /**
     * DOC (Word 97–2003): the report's text with its table columns set with tabs, as agencies
     * type tables in Word without drawing them. Written into a blank document made once by
     * LibreOffice (documents/README.md): no Java library writes a DOC from nothing.
     */
    static byte[] docWithTabs(ReportDocument document) {
        String text = String.join("\r", ReportRenderer.lines(document, "\t", ReportRenderer.TEMPLATE_BLANK));
        try (InputStream blank = WordDocuments.class.getResourceAsStream("/documents/blank.doc");
             HWPFDocument doc = new HWPFDocument(blank);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Range range = doc.getRange();
            // The blank document's text and its last paragraph mark: the mark stays, ending the report's last paragraph.
            String blankText = range.text();
            range.replaceText(blankText.endsWith("\r") ? blankText.substring(0, blankText.length() - 1) : blankText, text);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
