package io.nianbao.notify.web;

import io.nianbao.notify.web.Overview.AgencyFinding;
import io.nianbao.notify.web.Overview.Row;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes an {@link Annex} as an .xlsx workbook laid out as a circular's annex: sheet 附件 (a title
 * row, then one row per agency) and sheet 问题清单 (one row per finding). Streamed (Apache POI's
 * SXSSF, a window of rows in memory) so a province's export fits the service's small heap.
 */
public final class AnnexWorkbook {

    static final String ANNEX_SHEET = "附件";
    static final String FINDINGS_SHEET = "问题清单";
    static final List<String> ANNEX_HEADER = List.of("序号", "地区", "机关名称", "机关层级", "年度", "发布日期", "是否按时",
            "模板", "错误数", "警告数", "主要问题", "整改状态", "链接");
    static final List<String> FINDINGS_HEADER = List.of("机关", "规则编号", "规则名称", "严重程度", "位置", "问题说明", "原文", "状态");
    /** Column widths in characters (a Chinese character counts two). */
    private static final int[] ANNEX_WIDTHS = {6, 10, 34, 8, 6, 12, 10, 9, 8, 8, 40, 10, 48};
    private static final int[] FINDINGS_WIDTHS = {30, 14, 24, 8, 30, 50, 50, 8};

    private AnnexWorkbook() {
    }

    /**
     * @param inboxUrl base URL of the inbox ({@code nianbao.notify.inbox-url}): 链接 is the original document of
     *                 the agency's latest report, or, when it has no web address, its page in the inbox
     */
    public static void write(Annex annex, String inboxUrl, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Styles styles = new Styles(workbook);
            writeAnnex(workbook.createSheet(ANNEX_SHEET), annex, inboxUrl, styles);
            writeFindings(workbook.createSheet(FINDINGS_SHEET), annex, styles);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void writeAnnex(Sheet sheet, Annex annex, String inboxUrl, Styles styles) {
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue(annex.regionLine() == null ? annex.title() : annex.title() + "（" + annex.regionLine() + "）");
        title.setCellStyle(styles.title);
        sheet.getRow(0).setHeightInPoints(28);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, ANNEX_HEADER.size() - 1));
        header(sheet, 1, ANNEX_HEADER, ANNEX_WIDTHS, styles);
        int number = 0;
        for (Row row : annex.rows()) {
            number++;
            org.apache.poi.ss.usermodel.Row line = sheet.createRow(number + 1);
            numeric(line, 0, number, styles);
            text(line, 1, row.region(), styles.text);
            text(line, 2, row.listedName(), styles.text);
            text(line, 3, row.levelName(), styles.text);
            numeric(line, 4, annex.year(), styles);
            published(line, 5, row.publishedOn(), styles);
            text(line, 6, row.publication().label(), styles.text);
            text(line, 7, row.template() == null ? "" : row.template().name(), styles.text);
            numeric(line, 8, row.errors(), styles);
            numeric(line, 9, row.warnings(), styles);
            text(line, 10, annex.mainProblems(row.agencyId()), styles.wrapped);
            text(line, 11, row.rectificationLabel(), styles.text);
            if (row.reportId() != null) {
                String url = row.documentLink() != null ? row.documentLink()
                        : inboxUrl + "/reports/" + UriUtils.encodePathSegment(row.reportId(), StandardCharsets.UTF_8);
                Cell link = text(line, 12, url, styles.link);
                Hyperlink hyperlink = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.URL);
                hyperlink.setAddress(url);
                link.setHyperlink(hyperlink);
            } else {
                text(line, 12, "", styles.text);
            }
        }
        sheet.createFreezePane(0, 2);
        if (number > 0) {
            sheet.setAutoFilter(new CellRangeAddress(1, number + 1, 0, ANNEX_HEADER.size() - 1));
        }
        sheet.setRepeatingRows(new CellRangeAddress(0, 1, -1, -1));
        printLandscape(sheet);
    }

    private static void writeFindings(Sheet sheet, Annex annex, Styles styles) {
        header(sheet, 0, FINDINGS_HEADER, FINDINGS_WIDTHS, styles);
        Map<String, String> names = annex.rows().stream()
                .collect(Collectors.toMap(Row::agencyId, Row::agencyName, (a, b) -> a));
        int number = 0;
        for (AgencyFinding finding : annex.findings()) {
            number++;
            org.apache.poi.ss.usermodel.Row line = sheet.createRow(number);
            text(line, 0, names.getOrDefault(finding.agencyId(), finding.agencyId()), styles.text);
            text(line, 1, finding.finding().rule(), styles.text);
            text(line, 2, Annex.ruleName(finding.finding().rule()), styles.text);
            text(line, 3, finding.finding().severityLabel(), styles.text);
            text(line, 4, finding.finding().place(), styles.wrapped);
            text(line, 5, finding.finding().message(), styles.wrapped);
            text(line, 6, finding.finding().evidence(), styles.wrapped);
            text(line, 7, finding.status(), styles.text);
        }
        sheet.createFreezePane(0, 1);
        if (number > 0) {
            sheet.setAutoFilter(new CellRangeAddress(0, number, 0, FINDINGS_HEADER.size() - 1));
        }
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        printLandscape(sheet);
    }

    private static void header(Sheet sheet, int rowIndex, List<String> names, int[] widths, Styles styles) {
        org.apache.poi.ss.usermodel.Row header = sheet.createRow(rowIndex);
        for (int column = 0; column < names.size(); column++) {
            text(header, column, names.get(column), styles.header);
            sheet.setColumnWidth(column, widths[column] * 256);
        }
    }

    private static Cell text(org.apache.poi.ss.usermodel.Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
        return cell;
    }

    private static void numeric(org.apache.poi.ss.usermodel.Row row, int column, double value, Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.number);
    }

    /** A date cell when the report gives an ISO date, else its text as given. */
    private static void published(org.apache.poi.ss.usermodel.Row row, int column, String publishedOn, Styles styles) {
        if (publishedOn != null) {
            try {
                Cell cell = row.createCell(column);
                cell.setCellValue(LocalDate.parse(publishedOn));
                cell.setCellStyle(styles.date);
                return;
            } catch (DateTimeParseException notIso) {
                // Shown as written below.
            }
        }
        text(row, column, publishedOn, styles.text);
    }

    private static void printLandscape(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** The workbook's cell styles, made once: a workbook holds at most 64,000. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle number;
        final CellStyle date;
        final CellStyle link;

        Styles(Workbook workbook) {
            Function<Boolean, Font> font = bold -> {
                Font f = workbook.createFont();
                f.setFontName("宋体");
                f.setFontHeightInPoints((short) 11);
                f.setBold(bold);
                return f;
            };
            Font titleFont = font.apply(true);
            titleFont.setFontHeightInPoints((short) 16);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            header = bordered(workbook, font.apply(true));
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Font plain = font.apply(false);
            text = bordered(workbook, plain);
            wrapped = bordered(workbook, plain);
            wrapped.setWrapText(true);
            number = bordered(workbook, plain);
            number.setAlignment(HorizontalAlignment.RIGHT);
            date = bordered(workbook, plain);
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Font linkFont = font.apply(false);
            linkFont.setUnderline(Font.U_SINGLE);
            linkFont.setColor(IndexedColors.BLUE.getIndex());
            link = bordered(workbook, linkFont);
        }

        private static CellStyle bordered(Workbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
