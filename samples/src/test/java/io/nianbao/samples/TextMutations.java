package io.nianbao.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Changes of a text capture's lines (rows of cells separated by tabs or between pipes), as
 * capture tools and converters make them: four that lose nothing, five that lose a cell, a
 * separator, a label, a row's line or every separator. A cell is lost or run into its neighbour
 * only in a row without empty cells: in a row with one, a lost cell leaves the very row a blank
 * one does, and no reader can tell them apart. The archiver's one-line capture loses blank cells
 * too, as it does: there the reader must not take a row with a blank for one without.
 */
final class TextMutations {

    private static final Pattern FIGURE = Pattern.compile("-?[0-9０-９][0-9０-９,，.]*");

    static final List<Mutation<List<String>>> ALL = List.of(
            new Mutation<>("placeholders of blank cells written another way", true, TextMutations::otherBlankMarker),
            new Mutation<>("two rows joined on one line at their cell boundary", true, TextMutations::rowsJoined),
            new Mutation<>("a row written one cell per line", true, TextMutations::oneCellPerLine),
            new Mutation<>("a page's chrome lines before and after the report", true, TextMutations::chrome),
            new Mutation<>("a cell dropped", false, TextMutations::droppedCell),
            new Mutation<>("two cells' digits run together", false, TextMutations::digitsRunTogether),
            new Mutation<>("a row's label removed", false, TextMutations::labelRemoved),
            new Mutation<>("a row's figures on the line after its label", false, TextMutations::figuresOnTheNextLine),
            new Mutation<>("an archiver's one-line capture: every row's cells run together, blanks lost", false,
                    TextMutations::oneLineCellsRunTogether));

    private TextMutations() {
    }

    /** A line of cells: how it separates them, and the cells. */
    private record Row(boolean pipes, List<String> cells) {

        static Row of(String line) {
            boolean pipes = line.indexOf('\t') < 0;
            String inner = line.strip();
            if (pipes) {
                inner = inner.startsWith("|") ? inner.substring(1) : inner;
                inner = inner.endsWith("|") ? inner.substring(0, inner.length() - 1) : inner;
            }
            return new Row(pipes, List.of(inner.split(pipes ? "\\|" : "\t", -1)).stream().map(String::strip).toList());
        }

        String line() {
            return pipes ? "| " + String.join(" | ", cells) + " |" : String.join("\t", cells);
        }

        Row with(List<String> newCells) {
            return new Row(pipes, List.copyOf(newCells));
        }

        boolean labelled() {
            return !cells.isEmpty() && !valueLike(cells.getFirst());
        }

        /** No empty cell. */
        boolean whole() {
            return cells.stream().noneMatch(String::isEmpty);
        }

        int figures() {
            return (int) cells.stream().filter(TextMutations::figure).count();
        }
    }

    private static boolean figure(String cell) {
        return FIGURE.matcher(cell).matches();
    }

    /** A cell where a value stands: a figure, a blank's placeholder, or nothing. */
    private static boolean valueLike(String cell) {
        return cell.isEmpty() || figure(cell) || DocumentMutations.BLANK_MARKERS.contains(cell);
    }

    private static boolean isRow(String line) {
        return (line.indexOf('\t') >= 0 || line.strip().startsWith("|") && line.strip().endsWith("|") && line.length() > 2)
                && !line.contains("---") && line.chars().anyMatch(Character::isDigit);
    }

    /** A random line that is a row of cells and passes the test, or -1. */
    private static int pick(List<String> lines, Random random, IntPredicate also) {
        List<Integer> candidates = IntStream.range(0, lines.size())
                .filter(i -> isRow(lines.get(i)) && also.test(i)).boxed().toList();
        return candidates.isEmpty() ? -1 : candidates.get(random.nextInt(candidates.size()));
    }

    private static List<String> replace(List<String> lines, int at, List<String> with) {
        List<String> out = new ArrayList<>(lines.subList(0, at));
        out.addAll(with);
        out.addAll(lines.subList(at + 1, lines.size()));
        return out;
    }

    private static List<String> otherBlankMarker(List<String> lines, Random random) {
        String marker = DocumentMutations.BLANK_MARKERS.get(random.nextInt(DocumentMutations.BLANK_MARKERS.size()));
        return lines.stream().map(l -> !isRow(l) ? l : Row.of(l).with(Row.of(l).cells().stream()
                .map(c -> DocumentMutations.BLANK_MARKERS.contains(c) ? marker : c).toList()).line()).toList();
    }

    private static List<String> rowsJoined(List<String> lines, Random random) {
        int at = pick(lines, random, i -> i + 1 < lines.size() && isRow(lines.get(i + 1)) && Row.of(lines.get(i + 1)).labelled()
                && Row.of(lines.get(i)).pipes() == Row.of(lines.get(i + 1)).pipes());
        if (at < 0) {
            return lines;
        }
        Row first = Row.of(lines.get(at));
        List<String> cells = new ArrayList<>(first.cells());
        cells.addAll(Row.of(lines.get(at + 1)).cells());
        List<String> out = replace(lines, at, List.of(first.with(cells).line()));
        out.remove(at + 1);
        return out;
    }

    private static List<String> oneCellPerLine(List<String> lines, Random random) {
        // Only a labelled row without empty cells: one cell per line writes nothing for an empty
        // one, and a row without a label would run into the row before it.
        int at = pick(lines, random, i -> Row.of(lines.get(i)).whole() && Row.of(lines.get(i)).labelled());
        return at < 0 ? lines : replace(lines, at, Row.of(lines.get(at)).cells());
    }

    private static List<String> chrome(List<String> lines, Random random) {
        List<String> out = new ArrayList<>(DocumentMutations.CHROME_BEFORE);
        out.addAll(lines);
        out.addAll(DocumentMutations.CHROME_AFTER);
        return out;
    }

    private static List<String> droppedCell(List<String> lines, Random random) {
        int at = pick(lines, random, i -> Row.of(lines.get(i)).figures() > 0 && Row.of(lines.get(i)).whole());
        if (at < 0) {
            return lines;
        }
        Row row = Row.of(lines.get(at));
        List<Integer> figures = IntStream.range(0, row.cells().size()).filter(i -> figure(row.cells().get(i))).boxed().toList();
        List<String> cells = new ArrayList<>(row.cells());
        cells.remove((int) figures.get(random.nextInt(figures.size())));
        return replace(lines, at, List.of(row.with(cells).line()));
    }

    private static List<String> digitsRunTogether(List<String> lines, Random random) {
        int at = pick(lines, random, i -> adjacentFigures(Row.of(lines.get(i))).length > 0 && Row.of(lines.get(i)).whole());
        if (at < 0) {
            return lines;
        }
        Row row = Row.of(lines.get(at));
        int[] pairs = adjacentFigures(row);
        int i = pairs[random.nextInt(pairs.length)];
        List<String> cells = new ArrayList<>(row.cells());
        cells.set(i, cells.get(i) + cells.get(i + 1));
        cells.remove(i + 1);
        return replace(lines, at, List.of(row.with(cells).line()));
    }

    private static int[] adjacentFigures(Row row) {
        return IntStream.range(0, row.cells().size() - 1)
                .filter(i -> figure(row.cells().get(i)) && figure(row.cells().get(i + 1))).toArray();
    }

    private static List<String> labelRemoved(List<String> lines, Random random) {
        int at = pick(lines, random, i -> Row.of(lines.get(i)).labelled());
        if (at < 0) {
            return lines;
        }
        Row row = Row.of(lines.get(at));
        return replace(lines, at, List.of(row.with(row.cells().stream().dropWhile(c -> !valueLike(c)).toList()).line()));
    }

    private static List<String> figuresOnTheNextLine(List<String> lines, Random random) {
        int at = pick(lines, random, i -> Row.of(lines.get(i)).labelled());
        if (at < 0) {
            return lines;
        }
        Row row = Row.of(lines.get(at));
        List<String> label = row.cells().stream().takeWhile(c -> !valueLike(c)).toList();
        List<String> rest = row.cells().subList(label.size(), row.cells().size());
        return replace(lines, at, List.of(row.with(label).line(), row.with(rest).line()));
    }

    /** The text on one line; each row its label and its figures without a separator ("规章000"), its blank cells gone. */
    private static List<String> oneLineCellsRunTogether(List<String> lines, Random random) {
        StringBuilder line = new StringBuilder();
        boolean afterRow = false;
        for (String l : lines) {
            boolean row = isRow(l);
            if (!line.isEmpty() && !(row && afterRow)) {
                line.append(' ');
            }
            line.append(row ? String.join("", Row.of(l).cells().stream().filter(c -> !c.isEmpty()
                    && !DocumentMutations.BLANK_MARKERS.contains(c)).toList()) : l.strip());
            afterRow = row;
        }
        return List.of(line.toString());
    }
}
