package io.nianbao.notify.web;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import io.nianbao.events.Template;
import io.nianbao.notify.StoredFinding;
import io.nianbao.notify.web.Overview.AgencyFinding;
import io.nianbao.notify.web.Overview.Row;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AnnexWorkbookTest {

    private static final Row QINHUAI = new Row("qinhuai", "南京市秦淮区人民政府", AgencyLevel.GOVERNMENT, "320104", "江苏省南京市秦淮区", true,
            Publication.LATE, "r-1", "2025-04-02", Template.GB2021, "javascript:alert(1)", 3, 1, Rectification.RETURNED);
    private static final Row GULOU = new Row("gulou", "南京市鼓楼区教育局", AgencyLevel.DEPARTMENT, "320106", "江苏省南京市鼓楼区", true,
            Publication.MISSING, "missing:gulou:2024", null, null, null, 1, 0, null);
    private static final Row VISITOR = new Row("visitor", "外市某局", AgencyLevel.DEPARTMENT, null, "未知地区", false,
            Publication.ON_TIME, "r-3", "2025年1月20日", Template.GB2019, "https://www.example.gov.cn/ndbg/2024.html", 0, 0, null);

    @Test
    void theAnnexSheetHasTheTitleTheHeaderAndOneRowPerAgencyWithNumbersAsNumbers() throws Exception {
        try (XSSFWorkbook workbook = written(annex())) {
            XSSFSheet sheet = workbook.getSheet("附件");
            assertThat(workbook.getSheetName(0)).isEqualTo("附件");
            assertThat(text(sheet, 0, 0)).isEqualTo("2024年度政府信息公开工作年度报告发布及质量情况（地区：江苏省南京市）");
            assertThat(sheet.getMergedRegion(0).formatAsString()).isEqualTo("A1:M1");
            assertThat(IntStream.range(0, 13).mapToObj(c -> text(sheet, 1, c)).toList()).containsExactly(
                    "序号", "地区", "机关名称", "机关层级", "年度", "发布日期", "是否按时", "模板", "错误数", "警告数", "主要问题", "整改状态", "链接");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(2)).isEqualTo(34 * 256);

            var late = sheet.getRow(2);
            assertThat(late.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(late.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(text(sheet, 2, 1)).isEqualTo("江苏省南京市秦淮区");
            assertThat(text(sheet, 2, 2)).isEqualTo("南京市秦淮区人民政府");
            assertThat(text(sheet, 2, 3)).isEqualTo("政府");
            assertThat(late.getCell(4).getNumericCellValue()).isEqualTo(2024);
            assertThat(DateUtil.isCellDateFormatted(late.getCell(5))).isTrue();
            assertThat(late.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 4, 2));
            assertThat(text(sheet, 2, 6)).isEqualTo("逾期");
            assertThat(text(sheet, 2, 7)).isEqualTo("GB2021");
            assertThat(late.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(late.getCell(8).getNumericCellValue()).isEqualTo(3);
            assertThat(late.getCell(9).getNumericCellValue()).isEqualTo(1);
            assertThat(text(sheet, 2, 10)).as("the most frequent first; a resolved finding is no problem any more")
                    .isEqualTo("申请收支不平衡、复议诉讼合计不符");
            assertThat(text(sheet, 2, 11)).isEqualTo("退回整改");
            assertThat(text(sheet, 2, 12)).as("a document address that is no web link is not given").isEqualTo("https://nianbao.example/inbox/reports/r-1");
            assertThat(late.getCell(12).getHyperlink().getAddress()).isEqualTo("https://nianbao.example/inbox/reports/r-1");

            assertThat(text(sheet, 3, 6)).isEqualTo("未发布");
            assertThat(text(sheet, 3, 5)).isEmpty();
            assertThat(text(sheet, 3, 10)).isEqualTo("未发布年度报告");
            assertThat(text(sheet, 3, 11)).isEqualTo("无");
            assertThat(text(sheet, 3, 12)).isEqualTo("https://nianbao.example/inbox/reports/missing:gulou:2024");

            assertThat(text(sheet, 4, 1)).isEqualTo("未知地区");
            assertThat(text(sheet, 4, 2)).isEqualTo("外市某局（不在名册）");
            assertThat(sheet.getRow(4).getCell(5).getCellType()).as("a date not in ISO form stays as written").isEqualTo(CellType.STRING);
            assertThat(text(sheet, 4, 5)).isEqualTo("2025年1月20日");
            assertThat(text(sheet, 4, 12)).as("the original, which the circular's readers can open").isEqualTo("https://www.example.gov.cn/ndbg/2024.html");
            assertThat(sheet.getRow(4).getCell(12).getHyperlink().getAddress()).isEqualTo("https://www.example.gov.cn/ndbg/2024.html");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
        }
    }

    @Test
    void theFindingsSheetListsEachFindingWithItsRuleNamePlaceAndState() throws Exception {
        try (XSSFWorkbook workbook = written(annex())) {
            Sheet sheet = workbook.getSheet("问题清单");
            assertThat(IntStream.range(0, 8).mapToObj(c -> text(sheet, 0, c)).toList())
                    .containsExactly("机关", "规则编号", "规则名称", "严重程度", "位置", "问题说明", "原文", "状态");
            assertThat(IntStream.range(0, 8).mapToObj(c -> text(sheet, 1, c)).toList()).containsExactly(
                    "南京市秦淮区人民政府", "T3-BALANCE", "申请收支不平衡", "错误", "表三“总计”", "收支不平衡", "收支不平衡", "已确认");
            assertThat(text(sheet, 4, 7)).isEqualTo("已解决");
            assertThat(text(sheet, 5, 0)).isEqualTo("南京市鼓楼区教育局");
            assertThat(text(sheet, 5, 4)).as("no place").isEmpty();
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
        }
    }

    @Test
    void anEmptyAnnexStillHasItsTitleAndHeaders() throws Exception {
        try (XSSFWorkbook workbook = written(new Annex(2023, null, List.of(), List.of()))) {
            assertThat(text(workbook.getSheet("附件"), 0, 0)).isEqualTo("2023年度政府信息公开工作年度报告发布及质量情况");
            assertThat(text(workbook.getSheet("附件"), 1, 0)).isEqualTo("序号");
            assertThat(text(workbook.getSheet("问题清单"), 0, 0)).isEqualTo("机关");
        }
    }

    private static Annex annex() {
        return new Annex(2024, "江苏省南京市", List.of(QINHUAI, GULOU, VISITOR), List.of(
                finding("qinhuai", "r-1", "T3-BALANCE", Severity.ERROR, "三.total", "收支不平衡", true, false),
                finding("qinhuai", "r-1", "T4-SUM", Severity.ERROR, "四.litigationAfterReview.total", "复议合计不符", false, false),
                finding("qinhuai", "r-1", "T3-BALANCE", Severity.ERROR, "三.total", "收支仍不平衡", false, false),
                finding("qinhuai", "r-1", "TXT-THIN", Severity.WARNING, null, "内容过少", false, true),
                finding("gulou", "missing:gulou:2024", "PUB-MISSING", Severity.ERROR, null, "未发布2024年度报告", false, false)));
    }

    private static AgencyFinding finding(String agency, String report, String rule, Severity severity, String location,
                                         String message, boolean acknowledged, boolean resolved) {
        return new AgencyFinding(agency, report, new StoredFinding(rule + message, rule, severity, Responsibility.AGENCY,
                location, null, null, message, message), acknowledged, resolved);
    }

    private static XSSFWorkbook written(Annex annex) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnnexWorkbook.write(annex, "https://nianbao.example/inbox", bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static String text(Sheet sheet, int row, int column) {
        return new DataFormatter().formatCellValue(sheet.getRow(row).getCell(column)).strip();
    }
}
