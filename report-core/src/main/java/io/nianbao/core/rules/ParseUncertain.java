package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.SectionKind;

import java.util.List;

/**
 * PARSE-UNCERTAIN: the parser could not read a value with certainty (split digits, OCR noise).
 * The value is left null; the report needs a human look and the agency is not blamed.
 */
public final class ParseUncertain {

    /** How a cell OCR read begins its finding. */
    private static final String READ_BY_OCR = "经OCR识别，单元格";
    /** What only the finding of a cell OCR was not sure of says. */
    private static final String UNSURE = "，识别把握不足，";

    private ParseUncertain() {
    }

    /**
     * A table that is there but was not read: cells without separators between them.
     *
     * @param location the section's numeral
     * @param name     the table, in Chinese ("第三部分的统计表")
     * @param evidence a row as extracted
     */
    public static Finding table(String location, String name, String evidence) {
        String message = "系统未能可靠读取" + name + "：单元格之间没有分隔（原文如“" + evidence
                + "”），无法确定各数值所在的栏目，该表按未读取处理，不据以核对，请人工核对原文。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, evidence);
    }

    /**
     * A section whose heading was not found in a document whose headings stand inside its lines
     * (a web archiver's one-line capture): a heading worded a little off the template is found on
     * a line of its own, not inside running text, so the section may be there.
     */
    public static Finding sectionInsideLines(SectionKind kind) {
        String message = "系统未能找到" + Reports.name(kind) + "的标题：这份文本的标题与正文连在同一行（如网页存档的单行文本），"
                + "标题写法与格式稍有不同就无法识别。该部分按未读取处理，不据以核对，也不认定报告缺少该部分，请人工核对原文。";
        return RuleId.PARSE_UNCERTAIN.finding(kind.numeral(), message, null);
    }

    /**
     * A table whose cells ran together, read only in the rows whose digits have one reading that
     * keeps the table's identities (the rows not read are named each by {@link #runTogetherRow}).
     * Those values rest on the identities the rules would check, so no rule computes over the table.
     *
     * @param kind    the table's section
     * @param read    the rows read, as they stood ("规章000")
     * @param notRead how many rows were not read
     */
    public static Finding runTogether(SectionKind kind, List<String> read, int notRead) {
        String basis = switch (kind) {
            case APPLICATIONS -> "数字位数和表内勾稽关系（每行总计等于各列之和，各项办理结果之和等于总计，新收加上年结转等于总计加结转下年度）";
            case REVIEW_LITIGATION -> "数字位数和各组“总计等于各项之和”";
            default -> "数字位数";
        };
        String message = "第" + kind.numeral() + "部分的统计表单元格之间没有分隔（原文如“" + read.getFirst() + "”）：系统按" + basis
                + "拆分，只读取了只有一种拆分方式的" + read.size() + "行" + (notRead > 0 ? "，其余" + notRead + "行未读取，另行列出" : "")
                + "。" + (kind == SectionKind.PROACTIVE ? "" : "这些数值以表内合计相符为前提，") + "不据以核对，请人工核对原文。";
        return RuleId.PARSE_UNCERTAIN.finding(kind.numeral(), message, read.getFirst());
    }

    /**
     * A row of a table whose cells ran together, whose digits have several readings that keep the
     * table's identities, or none.
     *
     * @param location the row, e.g. "二.normativeDocuments"
     * @param name     the row, in Chinese
     * @param row      the row as it stood ("规范性文件8855698")
     */
    public static Finding runTogetherRow(String location, String name, String row) {
        String message = "系统未能确定“" + name + "”行的数值：该行各栏的数字连在一起（原文“" + row
                + "”），有多种拆分方式，或没有与合计相符的拆分，该行按未读取处理，不据以核对，请人工核对原文。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, row);
    }

    /**
     * A row of a table whose rows are not all labelled where they stand: its values could not be
     * placed with certainty.
     *
     * @param location the row, e.g. "三.denied.stateSecret"
     * @param name     the row, in Chinese
     * @param evidence a row of values without a label, as read
     */
    public static Finding row(String location, String name, String evidence) {
        String message = "系统未能确定“" + name + "”行的数值：表格中有的数值行没有栏目名称（原文如“" + evidence
                + "”），无法确定其所属的行，该行按未读取处理，不据以核对，请人工核对原文。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, evidence);
    }

    /**
     * A row of figures without a label, placed where the table's order leaves it the one place and
     * the results then add up to 总计. Placed, not read under its label: no rule computes over it.
     *
     * @param location the row, e.g. "三.partlyGranted"
     * @param name     the row, in Chinese
     * @param evidence the figures as read
     */
    public static Finding placedByOrder(String location, String name, String evidence) {
        String message = "表格中有一行数值没有栏目名称（原文“" + evidence + "”）：按表格行序，该处缺少的正是“" + name
                + "”行，且这样放置后表内合计相符（各项办理结果之和等于总计），系统据此放在该行。所放数值不据以核对，请人工核对原文。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, evidence);
    }

    /**
     * A row whose cells were found by their position on the page (a PDF has no cell borders in
     * its text) and came out more or fewer than the template has: the missing or extra cell may
     * be our reading's, so the TBL-SHAPE it would be is ours to look at, not the agency's.
     *
     * @param shape the TBL-SHAPE finding as the table's parser made it
     */
    public static Finding positionalCells(Finding shape) {
        String message = "系统按文字位置读取PDF中的表格（PDF没有单元格边界）：" + shape.message()
                + "单元格数不符可能由读取造成，不归责于报告机关。";
        return RuleId.PARSE_UNCERTAIN.finding(shape.location(), shape.expected(), shape.actual(), message, shape.evidence());
    }

    /**
     * A row whose label is in the table but whose values were not read.
     *
     * @param location the row, e.g. "二.fees"
     * @param name     the row, in Chinese
     * @param label    the label as it stands in the table
     */
    public static Finding unread(String location, String name, String label) {
        String message = "系统在表格中找到“" + name + "”行（原文“" + label
                + "”），但未能读取该行的数值，该行按未读取处理，不据以核对，请人工核对原文。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, label);
    }

    /** @param raw the cell as extracted */
    public static Finding of(String location, String raw) {
        String message = "系统未能准确识别单元格" + location + "的数值（原文为“" + raw + "”），该值按空白处理，请人工核对原文。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, raw);
    }

    /**
     * A cell OCR read with too little confidence: its value is null, whatever the digits seen.
     *
     * @param location the cell, e.g. "三.newReceived.total"
     * @param seen     what OCR read there
     */
    public static Finding unconfident(String location, String seen) {
        String message = READ_BY_OCR + Locations.describe(location) + "读作“" + seen + "”" + UNSURE
                + "该值按空白处理，请对照原图核对。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, seen);
    }

    /** Whether a finding is an {@link #unconfident} cell's; its evidence is what OCR read. */
    public static boolean isUnconfident(Finding f) {
        return RuleId.PARSE_UNCERTAIN.id().equals(f.rule()) && f.message() != null
                && f.message().startsWith(READ_BY_OCR) && f.message().contains(UNSURE);
    }

    /**
     * A cell OCR read with confidence, but with which identities of its table fail that one digit
     * changed in it would make hold: the digit may be OCR's misreading, so the value is null.
     *
     * @param location   the cell
     * @param seen       what OCR read there
     * @param identities the identities that fail, in Chinese
     */
    public static Finding misreadDigit(String location, String seen, List<String> identities) {
        String message = READ_BY_OCR + Locations.describe(location) + "读作“" + seen + "”。按此读数，表内关系（"
                + String.join("；", identities) + "）不成立，而改动该值的一位数字即可成立，可能是识别有误。该值按空白处理，不据以核对，请对照原图核对。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, seen);
    }

    /**
     * A finding on a report read by OCR that rests on its layout being read as written (a heading,
     * a section, a table, a word): it may be the reading's doing, so it is ours to look at, not the
     * agency's ({@link RuleEngine}).
     *
     * @param layout the finding as the rule made it
     */
    public static Finding layoutReadByOcr(Finding layout) {
        String message = "该报告经OCR识别（扫描件或图片）：" + layout.message()
                + "这可能是识别未能读出标题、表格或文字所致，不归责于报告机关，请对照原图核对。";
        return RuleId.PARSE_UNCERTAIN.finding(layout.location(), layout.expected(), layout.actual(), message, layout.evidence());
    }

    /**
     * A row of a table read by OCR that is not there: lost where the table breaks across scanned
     * pages, or not recognised ({@link io.nianbao.core.ocr.UnfoundRows}).
     *
     * @param location the row, e.g. "三.unavailable.needsCreation"
     */
    public static Finding rowNotFoundByOcr(String location) {
        String message = "经OCR识别的表格中未找到" + Locations.describe(location)
                + "这一行（可能位于扫描页的分页处，或未能识别），该行按未读取处理，不据以核对，请对照原图核对。";
        return RuleId.PARSE_UNCERTAIN.finding(location, message, null);
    }
}
