package io.nianbao.core.parse;

import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section's table whose cells a capture ran together: each row's label followed by its figures
 * as one string of digits ("行政许可3960181", "规章000"), spaces kept only where the capture kept
 * them. A row is read only where exactly one reading of its digits fits: cut into the row's cells
 * (no figure but 0 starts with 0, a decimal point only in an amount, a sign only in 本年增/减),
 * with the table's identities holding — each row's total in sections 三 and 四, and in section 三
 * its results' total and its balance, which may single out one reading of a row that alone has
 * several. A blank cell leaves no trace in such a capture, so readings with blank cells count
 * as fitting too: where one fits beside the full one, the row is not read. What is read is
 * written back as delimited rows for the table's own parser; what is not stays a label without
 * figures, named as unread.
 */
final class RunTogetherCells {

    /** A row's figures: numbers apart only where the capture kept a space, or a sign starts one. */
    private static final Pattern FIGURES = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:\\s*-?\\d+(?:\\.\\d+)?)*");
    private static final Pattern TOKEN_BREAK = Pattern.compile("\\s+|(?=-)");
    /** After the number of a template's sub-row ("2.其他法律…"): that digit numbers the next row. */
    private static final String ITEM_MARKS = ".．、";
    /**
     * Figures of prose (a date, a share, a count with its unit: "行政许可97件"), not of cells: in a
     * run-together row the next row's label follows the figures, never a unit.
     */
    private static final String PROSE_AFTER = "年月日%件条项次个人元万";
    private static final int LONGEST_FIGURE = 12;
    /** Section 四's one row of fifteen cells. */
    private static final String REVIEW_ROW = "四";
    /** Readings of one row past which it is read by none; search steps past which the row is given up. */
    private static final int MAX_READINGS = 32;
    private static final int MAX_STEPS = 200_000;
    /** Combinations of section 三's ambiguous rows tried against its column identities. */
    private static final int MAX_COMBINATIONS = 4096;

    /**
     * The section rewritten.
     *
     * @param lines   each row as "label\tcell\t…" where it was read, its label alone where not
     * @param read    the rows read, as they stood ("规章000")
     * @param notRead the keys of the rows not read, each with the row as it stood
     */
    record Rewritten(List<String> lines, List<String> read, Map<String, String> notRead) {
    }

    /** A row as it stands: label, key, its figures and their tokens; the cells it has and the identities they keep. */
    private record RunRow(String label, String key, String figures, List<String> tokens, List<Values.Type> types,
                          List<Aligner.Identity> identities) {

        String asWritten() {
            return (key.equals(REVIEW_ROW) ? "" : RowKeys.name(key)) + figures.strip();
        }
    }

    private RunTogetherCells() {
    }

    /**
     * The section's lines with the rows that have one reading as delimited rows; null when its
     * figures do not stand each under a row's label (then nothing of it can be placed).
     *
     * @param layout the template the section's wording names; section 二's cells depend on it
     */
    static Rewritten rewrite(SectionKind kind, String sectionText, Template layout) {
        List<RunRow> rows = rows(kind, sectionText, layout);
        if (rows == null) {
            return null;
        }
        List<List<String[]>> fits = rows.stream().map(RunTogetherCells::fits).toList();
        String[][] placed = new String[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            List<String[]> f = fits.get(i);
            placed[i] = f != null && f.size() == 1 && full(f.getFirst()) ? f.getFirst() : null;
        }
        if (kind == SectionKind.APPLICATIONS) {
            placeByColumns(rows, fits, placed);
        }
        List<String> lines = new ArrayList<>();
        List<String> read = new ArrayList<>();
        Map<String, String> notRead = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RunRow row = rows.get(i);
            if (placed[i] != null) {
                lines.add(row.label().strip() + "\t" + String.join("\t", placed[i]));
                read.add(row.asWritten());
            } else {
                lines.add(row.label().strip());
                notRead.put(row.key(), row.asWritten());
            }
        }
        return new Rewritten(lines, read, notRead);
    }

    /** The section's rows, each figures run under the label before it; null when one stands under no row's label. */
    private static List<RunRow> rows(SectionKind kind, String text, Template layout) {
        if (kind == SectionKind.PROACTIVE && layout == null) {
            return null;
        }
        List<RunRow> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int labelStart = 0;
        Matcher m = FIGURES.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int end = m.end();
            from = end;
            char after = end < text.length() ? text.charAt(end) : ' ';
            if (PROSE_AFTER.indexOf(after) >= 0) {
                continue;
            }
            if (ITEM_MARKS.indexOf(after) >= 0 && end + 1 < text.length() && !Character.isDigit(text.charAt(end + 1))) {
                end--;
            }
            String figures = text.substring(m.start(), end);
            if (figures.isBlank()) {
                continue;
            }
            String label = text.substring(labelStart, m.start());
            labelStart = end;
            String compactLabel = TextNormalizer.compact(label);
            String key = switch (kind) {
                case PROACTIVE -> RowKeys.proactive(compactLabel);
                case APPLICATIONS -> RowKeys.application(compactLabel);
                default -> rows.isEmpty() ? REVIEW_ROW : null;
            };
            if (key == null || !keys.add(key)) {
                return null;
            }
            List<String> tokens = Arrays.stream(TOKEN_BREAK.split(figures.strip())).filter(t -> !t.isEmpty()).toList();
            rows.add(switch (kind) {
                case PROACTIVE -> new RunRow(label, key, figures, tokens, ProactiveParser.cellTypes(key, layout), List.of());
                case APPLICATIONS -> new RunRow(label, key, figures, tokens,
                        Collections.nCopies(ApplicationsParser.WIDTH, Values.Type.COUNT), ApplicationsParser.ROW_SUM);
                default -> new RunRow(label, key, figures, tokens,
                        Collections.nCopies(ReviewLitigationParser.WIDTH, Values.Type.COUNT), ReviewLitigationParser.GROUP_SUMS);
            });
        }
        return rows.isEmpty() ? null : rows;
    }

    private static boolean full(String[] reading) {
        return Arrays.stream(reading).noneMatch(c -> c == null);
    }

    /** Every reading of the row's figures that fits its cells, blank cells included; null when too many to tell. */
    private static List<String[]> fits(RunRow row) {
        Search search = new Search(row);
        search.from(0, 0, 0);
        return search.gaveUp ? null : search.found;
    }

    /** Cuts a row's tokens into its cells, cell by cell, a cell either blank or the next piece of the token at hand. */
    private static final class Search {
        private final RunRow row;
        private final String[] cells;
        private final List<String[]> found = new ArrayList<>();
        private int steps;
        private boolean gaveUp;

        Search(RunRow row) {
            this.row = row;
            this.cells = new String[row.types().size()];
        }

        void from(int cell, int token, int offset) {
            if (gaveUp || ++steps > MAX_STEPS || found.size() > MAX_READINGS) {
                gaveUp = true;
                return;
            }
            List<String> tokens = row.tokens();
            if (cell == cells.length) {
                if (token == tokens.size()) {
                    found.add(cells.clone());
                }
                return;
            }
            if (tokens.size() - token > cells.length - cell) {
                return;
            }
            cells[cell] = null;
            if (holds(cell)) {
                from(cell + 1, token, offset);
            }
            if (token < tokens.size()) {
                String t = tokens.get(token);
                for (int end = offset + 1; end <= t.length() && end - offset <= LONGEST_FIGURE + 2; end++) {
                    cells[cell] = t.substring(offset, end);
                    if (valid(cells[cell], row.types().get(cell)) && holds(cell)) {
                        boolean tokenDone = end == t.length();
                        from(cell + 1, tokenDone ? token + 1 : token, tokenDone ? 0 : end);
                    }
                }
            }
            cells[cell] = null;
        }

        /** Whether the identities that close at this cell hold, blanks counted as 0. */
        private boolean holds(int cell) {
            for (Aligner.Identity identity : row.identities()) {
                if (identity.total() == cell) {
                    long sum = 0;
                    for (int part : identity.parts()) {
                        sum += count(cells[part]);
                    }
                    if (sum != count(cells[cell])) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Whether a piece of digits can be a cell of this type as written. */
    private static boolean valid(String piece, Values.Type type) {
        String digits = type == Values.Type.SIGNED_COUNT && piece.startsWith("-") ? piece.substring(1) : piece;
        int point = type == Values.Type.AMOUNT ? digits.indexOf('.') : -1;
        String whole = point < 0 ? digits : digits.substring(0, point);
        if (whole.isEmpty() || whole.length() > LONGEST_FIGURE || whole.length() > 1 && whole.charAt(0) == '0'
                || !whole.chars().allMatch(Character::isDigit)) {
            return false;
        }
        String fraction = point < 0 ? "" : digits.substring(point + 1);
        return point < 0 || !fraction.isEmpty() && fraction.chars().allMatch(Character::isDigit);
    }

    private static long count(String cell) {
        return cell == null ? 0 : Long.parseLong(cell);
    }

    /**
     * Section 三's rows that have several readings, read where only one combination of them keeps
     * the columns' identities. Only when every row of the template is there with its readings.
     */
    private static void placeByColumns(List<RunRow> rows, List<List<String[]>> fits, String[][] placed) {
        List<String> keys = rows.stream().map(RunRow::key).toList();
        List<String> template = RowKeys.applicationTemplate(keys.stream().anyMatch(k -> k.startsWith("otherHandling.")));
        List<Integer> ambiguous = new ArrayList<>();
        long combinations = 1;
        for (int i = 0; i < rows.size(); i++) {
            List<String[]> f = fits.get(i);
            if (f == null || f.isEmpty()) {
                return;
            }
            if (f.size() > 1) {
                ambiguous.add(i);
                combinations *= f.size();
            }
        }
        if (ambiguous.isEmpty() || combinations > MAX_COMBINATIONS || !keys.containsAll(template) || keys.size() != template.size()) {
            return;
        }
        int[] agreed = new int[rows.size()];
        Arrays.fill(agreed, -1);
        boolean[] disagree = new boolean[rows.size()];
        Map<String, List<Long>> table = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            table.put(keys.get(i), counts(fits.get(i).getFirst()));
        }
        for (long c = 0; c < combinations; c++) {
            long rest = c;
            int[] choice = new int[rows.size()];
            for (int i : ambiguous) {
                choice[i] = (int) (rest % fits.get(i).size());
                rest /= fits.get(i).size();
                table.put(keys.get(i), counts(fits.get(i).get(choice[i])));
            }
            if (ApplicationIdentities.resultsAddUp(table, template) && ApplicationIdentities.balances(table)) {
                for (int i : ambiguous) {
                    disagree[i] |= agreed[i] >= 0 && agreed[i] != choice[i];
                    agreed[i] = choice[i];
                }
            }
        }
        for (int i : ambiguous) {
            if (agreed[i] >= 0 && !disagree[i] && full(fits.get(i).get(agreed[i]))) {
                placed[i] = fits.get(i).get(agreed[i]);
            }
        }
    }

    private static List<Long> counts(String[] reading) {
        return Arrays.stream(reading).map(c -> c == null ? null : Long.valueOf(c)).toList();
    }
}
