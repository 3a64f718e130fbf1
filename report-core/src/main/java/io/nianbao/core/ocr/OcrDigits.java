package io.nianbao.core.ocr;

import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.parse.Cell;
import io.nianbao.core.parse.CellReader;
import io.nianbao.core.rules.ParseUncertain;
import io.nianbao.core.rules.TableIdentities;
import io.nianbao.core.rules.TableIdentities.Identity;
import io.nianbao.core.rules.TableIdentities.TableCell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles the digits of a report read by OCR by the identities of its tables
 * ({@link TableIdentities}), so that no finding against the agency rests on a digit OCR may have
 * misread, and no value is guessed:
 * <ul>
 *   <li>A cell left null for low confidence is restored to the number seen when, with that number,
 *       every identity it takes part in whose other cells are all read holds, and there is one:
 *       the identities confirm the digits. An identity with another cell unread says nothing yet;
 *       once that cell is confirmed, it does (cells are confirmed until no more are).</li>
 *   <li>Then, of an identity that fails, every cell with which one digit changed (substituted,
 *       added or dropped) would make it hold is null with PARSE-UNCERTAIN, unless an identity that
 *       holds confirms it. An identity that no one-digit change mends is the agency's, left to the rules.</li>
 * </ul>
 * Added and dropped digits count because the recogniser's decoding (CTC) merges a digit repeated
 * with nothing between ("11" read "1") and reads a ruling next to a figure as "1".
 */
public final class OcrDigits {

    private OcrDigits() {
    }

    /** The report with its OCR digits settled; a report not read by OCR as it is. */
    public static ParsedReport settle(ParsedReport report) {
        if (!report.readByOcr()) {
            return report;
        }
        // Which identities there are depends on the rows read, which settling leaves as they are.
        List<Identity> identities = TableIdentities.of(report);
        return challenge(confirm(report, identities), identities);
    }

    /**
     * Restores each unconfident cell its identities confirm; passes again while one was restored,
     * as that may make another's identities checkable.
     */
    private static ParsedReport confirm(ParsedReport report, List<Identity> identities) {
        ParsedReport current = report;
        boolean restored = true;
        while (restored) {
            restored = false;
            for (Finding f : report.parseFindings()) {
                Long seen = ParseUncertain.isUnconfident(f) && current.parseFindings().contains(f) ? count(f.evidence()) : null;
                List<Identity> its = seen == null ? List.of() : identitiesOf(f.location(), identities);
                if (its.isEmpty()) {
                    continue;
                }
                List<Finding> others = new ArrayList<>(current.parseFindings());
                others.remove(f);
                ParsedReport tried = with(current, Map.of(f.location(), seen), others);
                List<Identity> checkable = its.stream().filter(id -> id.checkable(tried)).toList();
                if (!checkable.isEmpty() && checkable.stream().allMatch(id -> id.holds(tried))) {
                    current = tried;
                    restored = true;
                }
            }
        }
        return current;
    }

    /** Nulls every cell one digit of which may be why an identity fails. */
    private static ParsedReport challenge(ParsedReport report, List<Identity> identities) {
        Map<TableCell, List<String>> suspects = new LinkedHashMap<>();
        for (Identity id : identities) {
            if (!id.checkable(report) || id.holds(report)) {
                continue;
            }
            long gap = id.leftSum(report) - id.rightSum(report);
            for (TableCell cell : id.cells()) {
                // A blank was read as nothing, not as digits: it is no candidate.
                Long seen = cell.value(report);
                if (seen != null && oneDigitApart(seen, id.left().contains(cell) ? seen - gap : seen + gap)
                        && !confirmed(cell, identities, report)) {
                    suspects.computeIfAbsent(cell, c -> new ArrayList<>()).add(id.wording());
                }
            }
        }
        if (suspects.isEmpty()) {
            return report;
        }
        Map<String, Long> blanks = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>(report.parseFindings());
        suspects.forEach((cell, wordings) -> {
            blanks.put(cell.location(), null);
            findings.add(ParseUncertain.misreadDigit(cell.location(), String.valueOf(cell.value(report)), wordings));
        });
        return with(report, blanks, findings);
    }

    /** Whether an identity the cell takes part in holds, all its cells read. */
    private static boolean confirmed(TableCell cell, List<Identity> identities, ParsedReport report) {
        return identities.stream().anyMatch(id -> id.cells().contains(cell) && id.checkable(report) && id.holds(report));
    }

    private static List<Identity> identitiesOf(String location, List<Identity> identities) {
        return identities.stream()
                .filter(id -> id.cells().stream().anyMatch(c -> c.location().equals(location))).toList();
    }

    /** What OCR saw as a count (a whole number, not negative), or null. */
    private static Long count(String seen) {
        Cell cell = CellReader.read(seen == null ? "" : seen, 0);
        if (cell.kind() != Cell.Kind.NUMBER || cell.value().signum() < 0 || cell.value().stripTrailingZeros().scale() > 0) {
            return null;
        }
        try {
            return cell.value().longValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    /** Whether {@code b} is {@code a} with one digit substituted, added or dropped; never negative. */
    static boolean oneDigitApart(long a, long b) {
        if (b < 0 || a == b) {
            return false;
        }
        String x = Long.toString(a);
        String y = Long.toString(b);
        if (x.length() == y.length()) {
            int differing = 0;
            for (int i = 0; i < x.length(); i++) {
                differing += x.charAt(i) == y.charAt(i) ? 0 : 1;
            }
            return differing == 1;
        }
        return x.length() == y.length() + 1 && dropsOneDigit(x, y) || y.length() == x.length() + 1 && dropsOneDigit(y, x);
    }

    /** Whether {@code shorter} is {@code longer} without one of its digits. */
    private static boolean dropsOneDigit(String longer, String shorter) {
        for (int i = 0; i < longer.length(); i++) {
            if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    /** The report with cells set (a null value blanks the cell) and its parse findings replaced. */
    private static ParsedReport with(ParsedReport r, Map<String, Long> cells, List<Finding> findings) {
        ApplicationsTable applications = r.applications();
        ReviewLitigationTable review = r.reviewLitigation();
        for (Map.Entry<String, Long> set : cells.entrySet()) {
            TableCell cell = TableCell.at(set.getKey());
            if (cell.section().equals("三")) {
                applications = new ApplicationsTable(withCell(applications.rows(), cell, set.getValue()));
            } else {
                review = new ReviewLitigationTable(withCell(review.groups(), cell, set.getValue()));
            }
        }
        return new ParsedReport(r.meta(), r.template(), r.sections(), r.proactive(), applications, review,
                List.copyOf(findings), r.readByOcr());
    }

    private static Map<String, List<Long>> withCell(Map<String, List<Long>> rows, TableCell cell, Long value) {
        Map<String, List<Long>> out = new LinkedHashMap<>(rows);
        List<Long> row = new ArrayList<>(rows.get(cell.row()));
        row.set(cell.columns().indexOf(cell.column()), value);
        out.put(cell.row(), Collections.unmodifiableList(row));
        return Collections.unmodifiableMap(out);
    }
}
