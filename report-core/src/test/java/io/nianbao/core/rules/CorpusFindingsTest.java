package io.nianbao.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nianbao.core.ReportReader;
import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reader and engine on every report of the shared corpus, against its hand-read golden file:
 * findings.mustInclude must all appear, findings.mustNotInclude none. The corpus is not ours and
 * is read in place; without it (or while the reader is a stub) the tests are skipped.
 */
class CorpusFindingsTest {

    private static final List<String> SOURCE_TYPES = List.of(".txt", ".html", ".htm", ".pdf", ".docx", ".doc");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path corpus() {
        return Path.of(System.getProperty("nianbao.home", "."), "..", "shared", "corpus").normalize();
    }

    @TestFactory
    Stream<DynamicTest> goldenFindings() throws Exception {
        Path corpus = corpus();
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> golden;
        try (Stream<Path> files = Files.walk(corpus)) {
            golden = files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList();
        }
        return golden.stream().map(g -> DynamicTest.dynamicTest(corpus.relativize(g).toString(), () -> check(corpus, g)));
    }

    private static void check(Path corpus, Path golden) throws Exception {
        JsonNode expected = JSON.readTree(golden.toFile());
        ReportMetadata hints = hints(expected.path("meta"));
        ParsedReport report = read(source(golden), hints);
        RuleContext ctx = RuleContext.of(report);
        if (expected.hasNonNull("previousYear")) {
            Path previous = source(corpus.resolve(expected.get("previousYear").asText() + ".expected.json"));
            ctx = ctx.withPrevious(read(previous, new ReportMetadata(hints.agency(), hints.agencyLevel(), null, null)));
        }
        List<Finding> findings = new RuleEngine().run(ctx);
        Set<String> rules = findings.stream().map(Finding::rule).collect(Collectors.toSet());
        String got = findings.stream().map(f -> f.rule() + " " + f.location() + " " + f.message()).collect(Collectors.joining("\n"));

        assertThat(rules).as("findings of %s:\n%s", golden.getFileName(), got)
                .containsAll(strings(expected.at("/findings/mustInclude")))
                .doesNotContainAnyElementsOf(strings(expected.at("/findings/mustNotInclude")));
        // Narrative mismatches may come from a different basis: never an error, always quoted.
        assertThat(findings).filteredOn(f -> f.rule().startsWith("TXT-T")).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).isNotBlank();
        });
    }

    /** Only what a portal supplies travels as a hint; year and template must come from the text. */
    private static ReportMetadata hints(JsonNode meta) {
        return new ReportMetadata(
                meta.hasNonNull("agency") ? meta.get("agency").asText() : null,
                meta.hasNonNull("agencyLevel") ? AgencyLevel.valueOf(meta.get("agencyLevel").asText()) : null,
                null,
                meta.hasNonNull("publishedOn") ? LocalDate.parse(meta.get("publishedOn").asText()) : null);
    }

    private static ParsedReport read(Path source, ReportMetadata hints) throws Exception {
        try {
            return new ReportReader().read(Files.readAllBytes(source), hints);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("the reader is not written yet: " + e.getMessage());
            throw e;
        }
    }

    private static Path source(Path golden) {
        String stem = golden.toString().substring(0, golden.toString().length() - ".expected.json".length());
        return SOURCE_TYPES.stream().map(ext -> Path.of(stem + ext)).filter(Files::exists).findFirst()
                .orElseThrow(() -> new AssertionError("no source file beside " + golden));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
