package io.nianbao.samples;

import io.nianbao.core.ReportReader;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever layout a report arrives in ({@link Layouts}), it reads back to the report: every cell,
 * the template, the agency, the year and the date, no parse finding, and the same accusations as
 * its plain text (a layout is never the agency's fault). One exception, said as it is: a PDF
 * prints a blank cell as nothing, and where no row around it shows its column (section 四's single
 * row of figures) the row is not read and a finding to operators says so. Layouts this machine
 * cannot write (no Chromium, no Chinese font) are left out.
 */
class LayoutRoundTripTest {

    private static final ReportReader READER = new ReportReader();
    private static final Layout PLAIN_TEXT = Layouts.ALL.getFirst();

    // A fixed seed: CI runs the same 400 cases each time; change it to explore others.
    @Property(tries = 400, seed = "20261206")
    void everyLayoutReadsBackToTheReport(@ForAll("layouts") Layout layout, @ForAll("reports") ParsedReport report) throws Exception {
        Statistics.collect(layout.name());
        ParsedReport read = READER.read(layout.write(ReportLayout.of(report)), ReportMetadata.UNKNOWN);
        ParsedReport plain = READER.read(PLAIN_TEXT.write(ReportLayout.of(report)), ReportMetadata.UNKNOWN);

        assertThat(read.template()).as("%s: template", layout).isEqualTo(report.template());
        assertThat(read.meta().agency()).as("%s: agency", layout).isEqualTo(report.meta().agency());
        assertThat(read.meta().year()).as("%s: year", layout).isEqualTo(report.meta().year());
        assertThat(read.meta().publishedOn()).as("%s: published on", layout).isEqualTo(report.meta().publishedOn());
        if (layout.blanksUnmarked() && hasBlanks(report)) {
            // A blank printed as nothing, in a row whose neighbours do not show its column: the
            // row is not read, and said so, never read shifted.
            assertThat(differences(ReadCells.of(report), read, true)).as("%s: cells", layout).isEmpty();
            assertThat(accusations(plain)).as("%s: AGENCY findings, within its plain text's", layout).containsAll(accusations(read));
        } else {
            assertThat(read.parseFindings()).as("%s: parse findings", layout).isEmpty();
            assertThat(differences(ReadCells.of(report), read, false)).as("%s: cells", layout).isEmpty();
            assertThat(accusations(read)).as("%s: AGENCY findings, against its plain text's", layout).isEqualTo(accusations(plain));
        }

        Statistics.coverage(coverage -> Layouts.available().forEach(l -> coverage.check(l.name()).count(n -> n > 0)));
    }

    @Provide
    Arbitrary<Layout> layouts() {
        return Arbitraries.of(Layouts.available());
    }

    @Provide
    Arbitrary<ParsedReport> reports() {
        return RandomReports.any();
    }

    /** The cells not read right; with {@code orNamed}, a cell not read but named by a finding to operators is no difference. */
    static List<String> differences(Map<String, BigDecimal> expected, ParsedReport read, boolean orNamed) {
        Map<String, BigDecimal> cells = ReadCells.of(read);
        return expected.entrySet().stream()
                .filter(e -> {
                    ReadCells.Verdict v = ReadCells.judge(e.getKey(), e.getValue(), cells, read.parseFindings());
                    return v == ReadCells.Verdict.WRONG || v == ReadCells.Verdict.NULL_WITH_FINDING && !orNamed;
                })
                .map(e -> e.getKey() + ": " + e.getValue() + " read as " + (cells.containsKey(e.getKey()) ? cells.get(e.getKey()) : "nothing"))
                .toList();
    }

    static boolean hasBlanks(ParsedReport report) {
        return ReadCells.of(report).containsValue(null);
    }

    static Set<String> accusations(ParsedReport read) {
        List<Finding> findings = new RuleEngine().run(RuleContext.of(read));
        return findings.stream().filter(f -> f.responsibility() == Responsibility.AGENCY)
                .map(f -> f.rule() + " " + f.location()).collect(Collectors.toCollection(TreeSet::new));
    }
}
