package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Template;
import io.nianbao.core.rules.ParseUncertain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section's table that is there but its parser could not read: its rows' labels and numbers
 * stand in the text, without the separators that tell one cell from the next (a capture that
 * wrote each row as one string, "行政许可3960181"). The rows whose digits have one reading are
 * read ({@link RunTogetherCells}); the table gets one PARSE-UNCERTAIN saying how it was read, so
 * that no rule computes over values that rest on the identities the rules would check, and it is
 * not a TBL-MISSING against the agency. Where no row can be read the table is left unread. The
 * template its wording names is still told.
 */
final class UnreadableTables {

    /** Words only a table of the section has, all of which must stand in its text. */
    private static final Map<SectionKind, List<Pattern>> SIGNS = Map.of(
            SectionKind.PROACTIVE, List.of(Pattern.compile("第二十条"), Pattern.compile("规章|规范性文件")),
            SectionKind.APPLICATIONS, List.of(Pattern.compile("本年新收"), Pattern.compile("办理结果"), Pattern.compile("予以公开")),
            SectionKind.REVIEW_LITIGATION, List.of(Pattern.compile("行政复议"), Pattern.compile("行政诉讼"), Pattern.compile("结果维持")));
    /** A row's label and the digits that follow it, for the evidence. */
    private static final Pattern ROW = Pattern.compile("[\\p{IsHan}“”()（）、.]{2,30}\\s*\\d{4,}");
    /** Rows of section 三 only GB2021 has: （六）其他处理 in three. */
    private static final Pattern GB2021_APPLICATIONS = Pattern.compile("逾期不补正|缴纳费用|收费通知");

    private UnreadableTables() {
    }

    /** The table of the section's lines [from, to) as far as it can be read, if its text shows one; null otherwise. */
    static <T> TableResult<T> of(SectionKind kind, List<String> lines, int from, int to, ReportParser.TableReader<T> reader) {
        String spaced = String.join(" ", lines.subList(from, to));
        String text = TextNormalizer.compact(spaced);
        if (!SIGNS.get(kind).stream().allMatch(sign -> sign.matcher(text).find())) {
            return null;
        }
        String name = "第" + kind.numeral() + "部分的统计表";
        Template layout = layout(kind, text);
        RunTogetherCells.Rewritten rewritten = RunTogetherCells.rewrite(kind, spaced, layout);
        if (rewritten != null && !rewritten.read().isEmpty()) {
            TableResult<T> read = reader.parse(rewritten.lines(), 0, rewritten.lines().size());
            if (read.table() != null) {
                List<Finding> findings = new ArrayList<>();
                findings.add(ParseUncertain.runTogether(kind, rewritten.read(), rewritten.notRead().size()));
                rewritten.notRead().forEach((key, row) -> findings.add(
                        ParseUncertain.runTogetherRow(kind.numeral() + "." + key, RowKeys.name(key), row)));
                // The parser names a label without figures as unread too; the row is named once, with its figures.
                read.findings().stream().filter(f -> findings.stream().noneMatch(named -> named.location().equals(f.location())))
                        .forEach(findings::add);
                return new TableResult<>(read.table(), read.layout() != null ? read.layout() : layout, List.copyOf(findings),
                        from, to - 1);
            }
        }
        Matcher row = ROW.matcher(spaced);
        String evidence = row.find() ? row.group() : text.substring(0, Math.min(text.length(), 60));
        return new TableResult<>(null, layout, List.of(ParseUncertain.table(kind.numeral(), name, evidence)), -1, -1);
    }

    private static Template layout(SectionKind kind, String text) {
        return switch (kind) {
            case PROACTIVE -> ProactiveParser.detect(text, List.of());
            case APPLICATIONS -> GB2021_APPLICATIONS.matcher(text).find() ? Template.GB2021
                    : text.contains("其他处理") ? Template.GB2019 : null;
            default -> null;
        };
    }
}
