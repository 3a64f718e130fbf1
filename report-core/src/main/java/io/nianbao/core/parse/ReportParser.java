package io.nianbao.core.parse;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ProactiveTable;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Template;

import io.nianbao.core.rules.ParseUncertain;
import io.nianbao.core.rules.RuleId;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * From extracted lines to the report model: normalise, find the sections, read the three tables
 * inside their sections, read the metadata. Whatever the source format, the same code runs.
 */
public final class ReportParser {

    private static final Pattern LINE_BREAK = Pattern.compile("\n");

    private ReportParser() {
    }

    /**
     * @param rawLines      the document's lines as extracted; table rows have cells separated by tabs
     * @param cellsAsWritten whether the document itself separates its cells (HTML, Word, text);
     *                       false where the reader found them by position (PDF), so that a row
     *                       with the wrong number of cells may be the reading's doing
     */
    public static ParsedReport parse(List<String> rawLines, ReportMetadata hints, boolean cellsAsWritten) {
        List<String> lines = new ArrayList<>(rawLines.size());
        boolean headingsInline = normalise(rawLines, lines);
        List<SectionFinder.Heading> headings = SectionFinder.find(lines);

        TableResult<ProactiveTable> proactive = table(lines, headings, SectionKind.PROACTIVE,
                ProactiveParser.HEADER, ProactiveParser::parse);
        TableResult<ApplicationsTable> applications = table(lines, headings, SectionKind.APPLICATIONS,
                ApplicationsParser.HEADER, ApplicationsParser::parse);
        TableResult<ReviewLitigationTable> review = table(lines, headings, SectionKind.REVIEW_LITIGATION,
                ReviewLitigationParser.HEADER, ReviewLitigationParser::parse);

        List<Section> sections = sections(lines, headings, List.of(proactive, applications, review));
        ReportMetadata fromText = MetadataReader.read(lines, headings.isEmpty() ? -1 : headings.getFirst().line());
        // The level follows the agency that wins: a hinted agency's name, not the one in the text.
        ReportMetadata meta = (hints == null ? ReportMetadata.UNKNOWN : hints)
                .orElse(new ReportMetadata(fromText.agency(), null, fromText.year(), fromText.publishedOn()));
        if (meta.agencyLevel() == null) {
            meta = meta.orElse(new ReportMetadata(null, MetadataReader.levelOf(meta.agency()), null, null));
        }
        Template template = proactive.layout() != null ? proactive.layout() : applications.layout();

        List<Finding> findings = new ArrayList<>(unfoundInline(headingsInline, headings));
        for (TableResult<?> table : List.of(proactive, applications, review)) {
            for (Finding f : table.findings()) {
                findings.add(!cellsAsWritten && f.rule().equals(RuleId.TBL_SHAPE.id()) ? ParseUncertain.positionalCells(f) : f);
            }
        }
        return new ParsedReport(meta, template, List.copyOf(sections), proactive.table(), applications.table(),
                review.table(), List.copyOf(findings));
    }

    /**
     * Adds the normalised lines to {@code out}; a line holding several lines after normalisation
     * is split, and so is a line with a section's heading inside it (a capture that wrote the
     * page on one line). Returns whether there was such a heading.
     */
    private static boolean normalise(List<String> rawLines, List<String> out) {
        boolean headingsInline = false;
        for (String raw : rawLines) {
            String s = TextNormalizer.normalize(raw);
            for (String line : s.indexOf('\n') >= 0 ? List.of(LINE_BREAK.split(s, -1)) : List.of(s)) {
                List<String> split = InlineHeadings.split(line);
                headingsInline |= split.size() > 1;
                out.addAll(split);
            }
        }
        return headingsInline;
    }

    /**
     * Where the document's headings stood inside its lines (a one-line capture), a section whose
     * heading was not found may be there under a wording the inline search does not know: it is
     * PARSE-UNCERTAIN, not missing.
     */
    private static List<Finding> unfoundInline(boolean headingsInline, List<SectionFinder.Heading> headings) {
        if (!headingsInline) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            if (headings.stream().noneMatch(h -> h.kind() == kind)) {
                out.add(ParseUncertain.sectionInsideLines(kind));
            }
        }
        return out;
    }

    interface TableReader<T> {
        TableResult<T> parse(List<String> lines, int from, int to);
    }

    /**
     * The table of a section, read inside the section's lines (the first such section that has
     * one). A section whose heading was not found at all is looked for by its table's header
     * ("第二十条…", "本列数据的勾稽关系…", "行政复议"), up to the next heading.
     */
    private static <T> TableResult<T> table(List<String> lines, List<SectionFinder.Heading> headings, SectionKind kind,
                                            Pattern header, TableReader<T> reader) {
        boolean headed = false;
        TableResult<T> unreadable = null;
        for (int h = 0; h < headings.size(); h++) {
            if (headings.get(h).kind() == kind) {
                headed = true;
                int from = headings.get(h).line() + 1;
                int to = nextHeading(headings, h, lines);
                TableResult<T> result = reader.parse(lines, from, to);
                if (result.table() != null) {
                    return result;
                }
                if (unreadable == null) {
                    unreadable = UnreadableTables.of(kind, lines, from, to, reader);
                }
            }
        }
        if (unreadable != null) {
            return unreadable;
        }
        if (!headed) {
            for (int i = 0; i < lines.size(); i++) {
                if (header.matcher(TextNormalizer.compact(lines.get(i))).find()) {
                    int end = lines.size();
                    for (SectionFinder.Heading h : headings) {
                        if (h.line() > i) {
                            end = h.line();
                            break;
                        }
                    }
                    return reader.parse(lines, i, end);
                }
            }
        }
        return TableResult.none();
    }

    private static int nextHeading(List<SectionFinder.Heading> headings, int h, List<String> lines) {
        return h + 1 < headings.size() ? headings.get(h + 1).line() : lines.size();
    }

    /** Each heading with its prose: the lines up to the next heading, less the table's lines. */
    private static List<Section> sections(List<String> lines, List<SectionFinder.Heading> headings,
                                          List<TableResult<?>> tables) {
        List<Section> out = new ArrayList<>(headings.size());
        for (int h = 0; h < headings.size(); h++) {
            SectionFinder.Heading heading = headings.get(h);
            int to = nextHeading(headings, h, lines);
            StringBuilder text = new StringBuilder();
            for (int i = heading.line() + 1; i < to; i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !inTable(i, tables)) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(line);
                }
            }
            out.add(new Section(heading.kind(), heading.text(), text.toString()));
        }
        return out;
    }

    private static boolean inTable(int line, List<TableResult<?>> tables) {
        for (TableResult<?> t : tables) {
            if (t.firstLine() >= 0 && line >= t.firstLine() && line <= t.lastLine()) {
                return true;
            }
        }
        return false;
    }
}
