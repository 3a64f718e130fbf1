package io.nianbao.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nianbao.core.ReportReader;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real reports of ../shared/corpus and ../shared/corpus-wild, changed as captures and CMSs
 * change them: a text capture by {@link TextMutations}, a portal page by {@link HtmlMutations}
 * (the PDFs are not changed: a PDF cannot be rewritten faithfully here). Judged against the
 * golden values, for the cells the unchanged report reads right. Skipped without the corpus.
 */
@AddLifecycleHook(CorpusMutationTest.NeedsTheCorpus.class)
class CorpusMutationTest {

    private static final ReportReader READER = new ReportReader();
    private static final MutationTally TALLY = new MutationTally();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A corpus report that can be changed: its source, what the golden file says, its unchanged reading. */
    record Report(String name, Path source, Map<String, BigDecimal> golden, ParsedReport unchanged) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Report> REPORTS = load();

    @Property(tries = 300, seed = "20261206")
    void aRealReportChangedReadsRightOrSaysWhatItCouldNotRead(@ForAll("reports") Report report, @ForAll Random random)
            throws Exception {
        byte[] changed;
        Mutation<?> mutation;
        if (report.source().toString().endsWith(".txt")) {
            Mutation<List<String>> m = TextMutations.ALL.get(random.nextInt(TextMutations.ALL.size()));
            List<String> lines = Files.readString(report.source(), StandardCharsets.UTF_8).lines().toList();
            changed = (String.join("\n", m.apply(lines, random)) + "\n").getBytes(StandardCharsets.UTF_8);
            mutation = m;
        } else {
            Mutation<Document> m = HtmlMutations.ALL.get(random.nextInt(HtmlMutations.ALL.size()));
            Document page = Jsoup.parse(report.source().toFile());
            Charset charset = page.charset();
            changed = m.apply(page, random).outerHtml().getBytes(charset);
            mutation = m;
        }
        ParsedReport read = READER.read(changed, ReportMetadata.UNKNOWN);

        MutationTally.Outcome outcome = TALLY.count(mutation, report.golden(), report.unchanged(), read);
        assertThat(outcome.wrong()).as("%s, %s: cells read as another number", report, mutation).isEmpty();
        if (mutation.lossless()) {
            assertThat(outcome.unread()).as("%s, %s: cells no longer read", report, mutation).isEmpty();
        }
    }

    @AfterContainer
    static void printAndCheckTheCounts() {
        if (!REPORTS.isEmpty()) {
            System.out.println(TALLY.table("Mutations of the corpus's text and HTML reports (" + REPORTS.size() + " reports, "
                    + TALLY.tried() + " tried):"));
            assertThat(TALLY.readShare()).as("share of cells read over all mutations").isGreaterThanOrEqualTo(0.9);
        }
    }

    @Provide
    Arbitrary<Report> reports() {
        return Arbitraries.of(REPORTS);
    }

    private static Path shared() {
        return Path.of(System.getProperty("nianbao.home", ".."), "..", "shared").normalize();
    }

    private static List<Report> load() {
        List<Report> reports = new java.util.ArrayList<>();
        for (String folder : List.of("corpus", "corpus-wild")) {
            Path dir = shared().resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path golden : files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList()) {
                    String stem = golden.toString().substring(0, golden.toString().length() - ".expected.json".length());
                    for (String ext : List.of(".txt", ".html")) {
                        Path source = Path.of(stem + ext);
                        if (Files.exists(source)) {
                            reports.add(new Report(dir.relativize(source).toString(), source, ReadCells.of(JSON.readTree(golden.toFile())),
                                    READER.read(Files.readAllBytes(source), ReportMetadata.UNKNOWN)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("corpus report unreadable", e);
            }
        }
        return List.copyOf(reports);
    }

    /** The corpus is not ours and not in the checkout: without it beside the project, nothing to change. */
    static final class NeedsTheCorpus implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return REPORTS.isEmpty() ? SkipResult.skip("no corpus at " + shared()) : SkipResult.doNotSkip();
        }
    }
}
