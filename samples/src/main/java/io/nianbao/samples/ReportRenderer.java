package io.nianbao.samples;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a report as plain text, as a portal's text capture has it: title, date, the six
 * sections in order, each table row a line of its cells (a spanned cell written once, in the row
 * it starts). The reader reads the result back to the same values, which makes it the source of
 * the project's own fixtures. A blank cell is written "—" (the template's placeholder), never 0.
 */
public final class ReportRenderer {

    public static final String TAB = "\t";
    public static final String TEMPLATE_BLANK = "—";

    private ReportRenderer() {
    }

    /** The report as UTF-8 bytes, as a portal would serve a plain-text capture. */
    public static byte[] bytes(ParsedReport report) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    public static String render(ParsedReport report) {
        return String.join("\n", lines(ReportLayout.of(report), TAB, TEMPLATE_BLANK)) + "\n";
    }

    /**
     * The document's lines: a line of text as it is, a table row as its cells joined by
     * {@code separator}, a blank value cell written {@code blank}; an empty line closes each table.
     */
    public static List<String> lines(ReportDocument document, String separator, String blank) {
        List<String> lines = new ArrayList<>();
        for (ReportDocument.Block block : document.blocks()) {
            switch (block) {
                case Line line -> lines.add(line.text());
                case Table table -> {
                    for (List<Cell> row : table.rows()) {
                        lines.add(row.stream().map(c -> c.isBlankValue() ? blank : c.text()).collect(Collectors.joining(separator)));
                    }
                    lines.add("");
                }
            }
        }
        return lines;
    }
}
