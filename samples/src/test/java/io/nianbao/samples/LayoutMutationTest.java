package io.nianbao.samples;

import io.nianbao.core.ReportReader;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.rules.RuleId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random reports, laid out, changed on their way as CMSs, converters and capture tools change
 * them ({@link DocumentMutations} in any layout, {@link TextMutations} in a text capture), then
 * read. Lossless changes leave every cell right; lossy ones leave each cell right or unread with
 * a finding naming it, never another number; no change makes an accusation the unchanged report
 * does not; over all changes at least 90% of cells are read. The counts are printed.
 */
class LayoutMutationTest {

    private static final ReportReader READER = new ReportReader();
    private static final MutationTally TALLY = new MutationTally();
    private static final double READ_AT_LEAST = 0.9;

    @Property(tries = 300, seed = "20261206")
    void aLaidOutReportChangedWithoutLossReadsRightInEveryLayout(@ForAll("layouts") Layout layout,
                                                                  @ForAll("documentMutations") Mutation<ReportDocument> mutation,
                                                                  @ForAll("reports") ParsedReport report, @ForAll Random random) throws Exception {
        ReportDocument document = ReportLayout.of(report);
        ParsedReport unmutated = READER.read(layout.write(document), ReportMetadata.UNKNOWN);
        ParsedReport read = READER.read(layout.write(mutation.apply(document, random)), ReportMetadata.UNKNOWN);

        // As in the round trip: a blank a PDF prints as nothing may leave its row unread, said so.
        judge(mutation, report, unmutated, read, layout.name(), layout.blanksUnmarked() && LayoutRoundTripTest.hasBlanks(report));
    }

    @Property(tries = 400, seed = "20261206")
    void aTextCaptureChangedReadsRightOrSaysWhatItCouldNotRead(@ForAll("textMutations") Mutation<List<String>> mutation,
                                                               @ForAll("reports") ParsedReport report, @ForAll Random random) throws Exception {
        List<String> lines = ReportRenderer.render(report).lines().toList();
        ParsedReport unmutated = READER.read(text(lines), ReportMetadata.UNKNOWN);
        ParsedReport read = READER.read(text(mutation.apply(lines, random)), ReportMetadata.UNKNOWN);

        judge(mutation, report, unmutated, read, "plain text", false);
    }

    /**
     * The counts of a reading, and its checks. Its accusations must be the report's own: those of
     * its plain text, which reads whole ({@link LayoutRoundTripTest}).
     */
    private static void judge(Mutation<?> mutation, ParsedReport report, ParsedReport unmutated, ParsedReport read, String where,
                              boolean blanksMayGoUnread) throws Exception {
        MutationTally.Outcome outcome = TALLY.count(mutation, ReadCells.of(report), unmutated, read);
        assertThat(outcome.wrong()).as("%s, %s: cells read as another number", where, mutation).isEmpty();
        if (mutation.lossless() && !blanksMayGoUnread) {
            assertThat(outcome.unread()).as("%s, %s: cells no longer read", where, mutation).isEmpty();
        }
        Set<String> accusations = new TreeSet<>(LayoutRoundTripTest.accusations(read));
        if (!mutation.lossless()) {
            // rules.md: a text capture's row that really has too few or too many cells is the
            // document's (TBL-SHAPE, AGENCY) where the rest of it reads cleanly; a capture that
            // lost a cell looks just so.
            accusations.removeIf(a -> a.startsWith(RuleId.TBL_SHAPE.id() + " "));
        }
        ParsedReport plain = READER.read(ReportRenderer.bytes(report), ReportMetadata.UNKNOWN);
        assertThat(LayoutRoundTripTest.accusations(plain)).as("%s, %s: accusations of the changed report", where, mutation)
                .containsAll(accusations);
    }

    @AfterContainer
    static void printAndCheckTheCounts() {
        System.out.println(TALLY.table("Mutations of rendered reports (" + TALLY.tried() + " tried):"));
        assertThat(TALLY.readShare()).as("share of cells read over all mutations").isGreaterThanOrEqualTo(READ_AT_LEAST);
    }

    @Provide
    Arbitrary<Layout> layouts() {
        // A browser print takes a second or two: its layout is the round trip's alone.
        return Arbitraries.of(Layouts.available().stream().filter(l -> l.needs() != Layout.Needs.CHROMIUM).toList());
    }

    @Provide
    Arbitrary<Mutation<ReportDocument>> documentMutations() {
        return Arbitraries.of(DocumentMutations.ALL);
    }

    @Provide
    Arbitrary<Mutation<List<String>>> textMutations() {
        return Arbitraries.of(TextMutations.ALL);
    }

    @Provide
    Arbitrary<ParsedReport> reports() {
        return RandomReports.any();
    }

    private static byte[] text(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
