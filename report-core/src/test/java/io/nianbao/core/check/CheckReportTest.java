package io.nianbao.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ProactiveTable;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.model.Severity;
import io.nianbao.core.model.Template;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckReportTest {

    private static ParsedReport report() {
        Map<String, Map<String, BigDecimal>> proactive = new LinkedHashMap<>();
        proactive.put("normativeDocuments", new LinkedHashMap<>(Map.of("issued", new BigDecimal("10"))));
        proactive.put("fees", new LinkedHashMap<>(Map.of("amountTenThousandYuan", new BigDecimal("7730.280"))));
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        rows.put("newReceived", Arrays.asList(7L, 1L, 0L, 0L, 0L, 0L, null));
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        groups.put("review", List.of(0L, 0L, 0L, 0L, 0L));
        groups.put("litigationDirect", null);
        return new ParsedReport(
                new ReportMetadata("秀山土家族苗族自治县人民政府办公室", AgencyLevel.DEPARTMENT, 2023, LocalDate.of(2024, 1, 30)),
                Template.GB2021, List.of(), new ProactiveTable(proactive), new ApplicationsTable(rows),
                new ReviewLitigationTable(groups), List.of());
    }

    @Test
    void writesTheDocumentOfCheckOutputMd() throws Exception {
        Finding balance = new Finding("T3-BALANCE", Severity.ERROR, Responsibility.AGENCY, "三.total",
                new BigDecimal("877"), new BigDecimal("867"), "第一项加第二项之和（877）不等于第三项加第四项之和（867）", null);
        String json = CheckReport.toJson(report(), List.of(balance));
        JsonNode root = new ObjectMapper().readTree(json);

        assertThat(root.at("/meta/agency").asText()).isEqualTo("秀山土家族苗族自治县人民政府办公室");
        assertThat(root.at("/meta/agencyLevel").asText()).isEqualTo("DEPARTMENT");
        assertThat(root.at("/meta/year").isInt()).isTrue();
        assertThat(root.at("/meta/template").asText()).isEqualTo("GB2021");
        assertThat(root.at("/meta/publishedOn").asText()).isEqualTo("2024-01-30");

        assertThat(root.at("/proactive/normativeDocuments/issued").isIntegralNumber()).isTrue();
        assertThat(root.at("/proactive/fees/amountTenThousandYuan").decimalValue()).isEqualByComparingTo("7730.28");
        assertThat(json).contains("7730.28").doesNotContain("E+");

        assertThat(root.at("/applications/columns/6").asText()).isEqualTo("total");
        assertThat(root.at("/applications/rows/newReceived/0").asLong()).isEqualTo(7);
        assertThat(root.at("/applications/rows/newReceived/6").isNull()).isTrue();

        assertThat(root.at("/reviewLitigation/columns").size()).isEqualTo(5);
        assertThat(root.at("/reviewLitigation/review").size()).isEqualTo(5);
        assertThat(root.at("/reviewLitigation/litigationDirect").isNull()).isTrue();
        assertThat(root.at("/reviewLitigation/litigationAfterReview").isNull()).isTrue();

        JsonNode f = root.at("/findings/0");
        assertThat(f.get("rule").asText()).isEqualTo("T3-BALANCE");
        assertThat(f.get("severity").asText()).isEqualTo("ERROR");
        assertThat(f.get("responsibility").asText()).isEqualTo("AGENCY");
        assertThat(f.get("location").asText()).isEqualTo("三.total");
        assertThat(f.get("expected").isIntegralNumber()).isTrue();
        assertThat(f.get("expected").asLong()).isEqualTo(877);
        assertThat(f.get("message").asText()).contains("877");
    }

    @Test
    void missingTablesAndUnknownMetadataAreNull() throws Exception {
        var empty = new ParsedReport(ReportMetadata.UNKNOWN, null, List.of(), null, null, null, List.of());
        JsonNode root = new ObjectMapper().readTree(CheckReport.toJson(empty, List.of()));
        assertThat(root.at("/meta/year").isNull()).isTrue();
        assertThat(root.at("/meta/template").isNull()).isTrue();
        assertThat(root.get("applications").isNull()).isTrue();
        assertThat(root.get("findings").isArray()).isTrue();
    }
}
