package io.nianbao.samples;

import io.nianbao.core.ReportReader;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.parse.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the renderer writes, the reader reads back to the same model. */
class RoundTripTest {

    static Stream<ParsedReport> samples() {
        return Stream.of(SampleReports.consistentGb2021(), SampleReports.withArithmeticErrors(), SampleReports.consistentGb2019());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void renderedReportReadsBackToTheSameValues(ParsedReport sample) throws Exception {
        ParsedReport read = new ReportReader().read(ReportRenderer.bytes(sample), ReportMetadata.UNKNOWN);

        assertThat(read.meta()).isEqualTo(sample.meta());
        assertThat(read.template()).isEqualTo(sample.template());
        assertThat(read.parseFindings()).isEmpty();
        assertThat(read.sections()).extracting(Section::kind).containsExactly(SectionKind.values());
        for (Section s : sample.sections()) {
            Section back = read.sections().stream().filter(r -> r.kind() == s.kind()).findFirst().orElseThrow();
            // The reader hands out normalised text (ASCII punctuation, simplified characters).
            assertThat(back.heading()).isEqualTo(TextNormalizer.normalize(s.heading()));
            assertThat(back.text()).isEqualTo(TextNormalizer.normalize(s.text()));
        }
        assertThat(read.proactive().rows().keySet()).containsExactlyElementsOf(sample.proactive().rows().keySet());
        for (Map.Entry<String, Map<String, BigDecimal>> row : sample.proactive().rows().entrySet()) {
            assertThat(read.proactive().rows().get(row.getKey()))
                    .as(row.getKey())
                    .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .usingRecursiveComparison().isEqualTo(row.getValue());
        }
        assertThat(read.applications().rows()).containsExactlyEntriesOf(sample.applications().rows());
        assertThat(read.reviewLitigation().groups()).containsExactlyEntriesOf(sample.reviewLitigation().groups());
    }
}
