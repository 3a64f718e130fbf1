package io.nianbao.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report of the shared corpus against its hand-read golden values: every cell, the year,
 * the template, the metadata the text carries, and the parser's own findings. Skipped when the
 * corpus is not beside the checkout.
 */
class CorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The findings the parser itself raises; the others belong to the rule engine. */
    private static final Set<String> PARSER_RULES = Set.of("TBL-SHAPE", "PARSE-UNCERTAIN", "CELL-INVALID", "CELL-UNIT");
    private final ReportReader reader = new ReportReader();

    static Path corpus() {
        String home = System.getProperty("nianbao.home");
        return home == null ? null : Path.of(home, "..", "shared", "corpus").normalize();
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusReportReadsAsGolden() throws IOException {
        Path corpus = corpus();
        Assumptions.assumeTrue(corpus != null && Files.isDirectory(corpus), "shared corpus not present");
        List<Path> expected;
        try (Stream<Path> files = Files.walk(corpus)) {
            expected = files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList();
        }
        assertThat(expected).isNotEmpty();
        return expected.stream().map(json -> DynamicTest.dynamicTest(json.getFileName().toString(), () -> check(json)));
    }

    private void check(Path jsonPath) throws Exception {
        String base = jsonPath.getFileName().toString().replace(".expected.json", "");
        Path doc;
        try (Stream<Path> siblings = Files.list(jsonPath.getParent())) {
            doc = siblings.filter(p -> p.getFileName().toString().startsWith(base + ".")
                    && !p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode exp = JSON.readTree(jsonPath.toFile());
        ParsedReport r = reader.read(Files.readAllBytes(doc), ReportMetadata.UNKNOWN);
        List<String> wrong = new ArrayList<>();
        int[] cells = new int[2];

        JsonNode meta = exp.get("meta");
        compare(wrong, "year", meta.get("year").asInt(), r.meta().year());
        compare(wrong, "template", meta.get("template").asText(), r.template() == null ? null : r.template().name());
        boolean agencyFromEvent = meta.path("note").asText("").contains("publication event");
        if (!agencyFromEvent) {
            // Titles sometimes drop the prefecture ("洪泽区人民政府" for "淮安市洪泽区人民政府").
            if (r.meta().agency() == null || !meta.get("agency").asText().endsWith(r.meta().agency())) {
                wrong.add("agency: expected " + meta.get("agency").asText() + " but was " + r.meta().agency());
            }
            compare(wrong, "agencyLevel", meta.get("agencyLevel").asText(), String.valueOf(r.meta().agencyLevel()));
        }
        String published = meta.get("publishedOn").isNull() ? null : meta.get("publishedOn").asText();
        compare(wrong, "publishedOn", published, r.meta().publishedOn() == null ? null : r.meta().publishedOn().toString());

        fields(exp.get("proactive")).forEachRemaining(row -> fields(row.getValue()).forEachRemaining(col -> {
            Map<String, BigDecimal> actualRow = r.proactive() == null ? null : r.proactive().rows().get(row.getKey());
            BigDecimal actual = actualRow == null ? null : actualRow.get(col.getKey());
            cell(wrong, cells, "二." + row.getKey() + "." + col.getKey(), col.getValue(), actual);
        }));

        JsonNode rows = exp.get("applications").get("rows");
        assertThat(r.applications()).as("section 三").isNotNull();
        if (!r.applications().rows().keySet().equals(toSet(rows.fieldNames()))) {
            wrong.add("三 rows: expected " + toSet(rows.fieldNames()) + " but was " + r.applications().rows().keySet());
        }
        fields(rows).forEachRemaining(row -> {
            List<Long> actual = r.applications().rows().get(row.getKey());
            for (int i = 0; i < row.getValue().size(); i++) {
                cell(wrong, cells, "三." + row.getKey() + "." + i, row.getValue().get(i),
                        actual == null ? null : BigDecimal.valueOf(actual.get(i)));
            }
        });

        JsonNode review = exp.get("reviewLitigation");
        for (String group : List.of("review", "litigationDirect", "litigationAfterReview")) {
            if (!review.has(group)) {
                continue; // the golden file says this group is not compared
            }
            List<Long> actual = r.reviewLitigation() == null ? null : r.reviewLitigation().groups().get(group);
            if (review.get(group).isNull()) {
                cells[1]++;
                if (actual != null) {
                    wrong.add("四." + group + ": expected null (unalignable) but was " + actual);
                } else {
                    cells[0]++;
                }
                continue;
            }
            for (int i = 0; i < review.get(group).size(); i++) {
                Long a = actual == null ? null : actual.get(i);
                cell(wrong, cells, "四." + group + "." + i, review.get(group).get(i), a == null ? null : BigDecimal.valueOf(a));
            }
        }

        List<String> raised = r.parseFindings().stream().map(Finding::rule).toList();
        exp.get("findings").get("mustInclude").forEach(f -> {
            if (PARSER_RULES.contains(f.asText()) && !raised.contains(f.asText())) {
                wrong.add("finding " + f.asText() + " expected but not raised");
            }
        });
        exp.get("findings").get("mustNotInclude").forEach(f -> {
            if (raised.contains(f.asText())) {
                wrong.add("finding " + f.asText() + " raised but must not be: " + r.parseFindings());
            }
        });
        System.out.printf("%s: cells %d/%d%n", base, cells[0], cells[1]);
        assertThat(wrong).as(base + " (cells right " + cells[0] + "/" + cells[1] + ")").isEmpty();
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.properties().iterator();
    }

    private static Set<String> toSet(Iterator<String> names) {
        Set<String> out = new java.util.LinkedHashSet<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static void compare(List<String> wrong, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            wrong.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static void cell(List<String> wrong, int[] cells, String where, JsonNode expected, BigDecimal actual) {
        cells[1]++;
        boolean ok = expected.isNull() ? actual == null
                : actual != null && expected.decimalValue().compareTo(actual) == 0;
        if (ok) {
            cells[0]++;
        } else {
            wrong.add(where + ": expected " + expected + " but was " + actual);
        }
    }
}
