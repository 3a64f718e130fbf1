package io.nianbao.samples;

import io.nianbao.core.model.SectionKind;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A report laid out as a document, before it is written in any format: lines of text and the
 * three tables as the printed template draws them, with spanned header and group cells. Every
 * writer (text, HTML, Word, PDF) starts from this, so a layout differs from another only in how it
 * writes, and a mutation of the document is one change whatever the format.
 */
public record ReportDocument(List<Block> blocks) {

    public ReportDocument {
        blocks = List.copyOf(blocks);
    }

    public sealed interface Block permits Line, Table {
    }

    public enum Role { TITLE, DATE, HEADING, PARAGRAPH }

    /** A line of text: the title, the date line, a section heading or a paragraph. */
    public record Line(Role role, String text) implements Block {
    }

    /** A table of a section: rows of cells, a spanned cell given once, in the row it starts. */
    public record Table(SectionKind section, List<List<Cell>> rows) implements Block {

        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** The table with every cell mapped; cells stay where they are. */
        public Table mapCells(UnaryOperator<Cell> change) {
            return new Table(section, rows.stream().map(r -> r.stream().map(change).toList()).toList());
        }
    }

    public enum Kind {
        /** A column header or the table's caption. */
        HEADER,
        /** A row's label or its group's. */
        LABEL,
        /** A figure of the report; its text is "" where the report leaves the cell blank. */
        VALUE
    }

    public record Cell(Kind kind, String text, int rowspan, int colspan) {

        public Cell withText(String newText) {
            return new Cell(kind, newText, rowspan, colspan);
        }

        public boolean isBlankValue() {
            return kind == Kind.VALUE && text.isEmpty();
        }
    }

    /** The tables, in document order. */
    public List<Table> tables() {
        return blocks.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }
}
