package io.nianbao.core.extract;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Template;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WordAndPdfTest {

    private final ReportReader reader = new ReportReader();

    @Test
    void docxWithVerticallyMergedCellsReadsLikeTheTable() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("东湖区司法局2024年政府信息公开工作年度报告");
            doc.createParagraph().createRun().setText("一、总体情况");
            doc.createParagraph().createRun().setText("2024年，本局依法做好政府信息公开工作。");
            doc.createParagraph().createRun().setText("三、收到和处理政府信息公开申请情况");
            XWPFTable t = doc.createTable();
            fill(t.getRow(0), "一、本年新收政府信息公开申请数量", "", "4", "0", "0", "0", "1", "0", "5");
            fill(t.createRow(), "三、本年度办理结果", "（一）予以公开", "3", "0", "0", "0", "1", "0", "4");
            XWPFTableRow merged = t.createRow();
            fill(merged, "", "（六）其他处理", "0", "0", "0", "0", "0", "0", "0");
            // The first cell continues the vertical merge started above: layout, not a blank cell.
            continueMerge(t.getRow(1).getCell(0), true);
            continueMerge(merged.getCell(0), false);
            doc.createParagraph().createRun().setText("四、政府信息公开行政复议、行政诉讼情况");
            XWPFTable four = doc.createTable();
            fill(four.getRow(0), "0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0");
            doc.createParagraph().createRun().setText("五、存在的主要问题及改进情况");
            doc.createParagraph().createRun().setText("工作人员业务能力有待提高。");
            doc.write(out);
            docx = out.toByteArray();
        }
        ParsedReport r = reader.read(docx, ReportMetadata.UNKNOWN);
        assertThat(r.meta().agency()).isEqualTo("东湖区司法局");
        assertThat(r.meta().year()).isEqualTo(2024);
        assertThat(r.template()).isEqualTo(Template.GB2019);
        assertThat(r.applications().rows().get("newReceived")).containsExactly(4L, 0L, 0L, 0L, 1L, 0L, 5L);
        assertThat(r.applications().rows().get("granted")).containsExactly(3L, 0L, 0L, 0L, 1L, 0L, 4L);
        assertThat(r.applications().rows().get("otherHandling")).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(r.reviewLitigation().groups().get("litigationDirect")).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(r.parseFindings()).isEmpty();
    }

    private static void fill(XWPFTableRow row, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            XWPFTableCell c = i < row.getTableCells().size() ? row.getCell(i) : row.addNewTableCell();
            c.setText(cells[i]);
        }
    }

    private static void continueMerge(XWPFTableCell cell, boolean restart) {
        var pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        pr.addNewVMerge().setVal(restart ? STMerge.RESTART : STMerge.CONTINUE);
    }

    @Test
    void imageOnlyPdfNeedsOcr() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scan.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 100);
            g.setColor(Color.BLACK);
            g.drawString("2023", 20, 50);
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 50, 500, 400, 200);
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        UnreadableDocumentException e = catchThrowableOfType(UnreadableDocumentException.class,
                () -> reader.read(pdf, ReportMetadata.UNKNOWN));
        assertThat(e.reason()).isEqualTo(UnreadableDocumentException.Reason.NEEDS_OCR);
        assertThat(e.chineseMessage()).startsWith("需要OCR：");
    }

    @Test
    void emptyUnsupportedAndCorruptDocumentsAreRejectedWithAReason() {
        assertThat(reason(new byte[0])).isEqualTo(UnreadableDocumentException.Reason.EMPTY);
        assertThat(reason("   \n\t ".getBytes())).isEqualTo(UnreadableDocumentException.Reason.EMPTY);
        assertThat(reason(new byte[]{'P', 'K', 3, 4, 1, 2, 3, 4, 5})).isEqualTo(UnreadableDocumentException.Reason.UNSUPPORTED_TYPE);
        assertThat(reason("%PDF-1.7\n1 0 obj broken".getBytes())).isEqualTo(UnreadableDocumentException.Reason.CORRUPT);
        assertThat(reason(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})).isEqualTo(UnreadableDocumentException.Reason.NEEDS_OCR);
        for (UnreadableDocumentException.Reason r : List.of(UnreadableDocumentException.Reason.values())) {
            assertThat(r.name()).isNotBlank();
        }
    }

    private UnreadableDocumentException.Reason reason(byte[] bytes) {
        return catchThrowableOfType(UnreadableDocumentException.class, () -> reader.read(bytes, ReportMetadata.UNKNOWN)).reason();
    }
}
