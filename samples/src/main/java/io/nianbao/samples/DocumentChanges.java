package io.nianbao.samples;

import io.nianbao.samples.ReportDocument.Block;
import io.nianbao.samples.ReportDocument.Cell;
import io.nianbao.samples.ReportDocument.Kind;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Changes of a laid-out report that keep every figure: how layouts and mutations rewrite it. */
final class DocumentChanges {

    private DocumentChanges() {
    }

    /** Every figure (not a blank) rewritten, e.g. in full-width digits or with its unit. */
    static ReportDocument mapFigures(ReportDocument document, UnaryOperator<String> change) {
        return mapBlocks(document, line -> line, table -> table.mapCells(
                c -> c.kind() == Kind.VALUE && !c.text().isEmpty() ? c.withText(change.apply(c.text())) : c));
    }

    /** Every word of text (lines, labels, headers) rewritten; figures stay as they are. */
    static ReportDocument mapWords(ReportDocument document, UnaryOperator<String> change) {
        return mapBlocks(document, line -> new Line(line.role(), change.apply(line.text())),
                table -> table.mapCells(c -> c.kind() == Kind.VALUE ? c : c.withText(change.apply(c.text()))));
    }

    static ReportDocument mapBlocks(ReportDocument document, UnaryOperator<Line> lines, UnaryOperator<Table> tables) {
        return new ReportDocument(document.blocks().stream().map(b -> switch (b) {
            case Line line -> (Block) lines.apply(line);
            case Table table -> tables.apply(table);
        }).toList());
    }

    /** Each table cut into up to {@code pieces} tables, at rows no spanned cell crosses, spread evenly. */
    static ReportDocument splitTables(ReportDocument document, int pieces) {
        List<Block> blocks = new ArrayList<>();
        for (Block block : document.blocks()) {
            if (block instanceof Table table) {
                List<Integer> cuts = cutPoints(table);
                List<Integer> chosen = new ArrayList<>();
                for (int p = 1; p < pieces && !cuts.isEmpty(); p++) {
                    int at = cuts.get(cuts.size() * p / pieces);
                    if (!chosen.contains(at)) {
                        chosen.add(at);
                    }
                }
                blocks.addAll(split(table, chosen));
            } else {
                blocks.add(block);
            }
        }
        return new ReportDocument(blocks);
    }

    /** The table cut before each of the given rows. */
    static List<Table> split(Table table, List<Integer> before) {
        List<Table> out = new ArrayList<>();
        int from = 0;
        for (int at : before.stream().sorted().toList()) {
            out.add(new Table(table.section(), table.rows().subList(from, at)));
            from = at;
        }
        out.add(new Table(table.section(), table.rows().subList(from, table.rows().size())));
        return out;
    }

    /** Rows (1 … n-1) before which the table can be cut: no spanned cell from above reaches them. */
    static List<Integer> cutPoints(Table table) {
        List<Integer> cuts = new ArrayList<>();
        int reach = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            if (r > 0 && reach <= r) {
                cuts.add(r);
            }
            for (Cell c : table.rows().get(r)) {
                reach = Math.max(reach, r + c.rowspan());
            }
        }
        return cuts;
    }
}
