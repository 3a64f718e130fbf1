package io.nianbao.core.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.ReviewLitigationTable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The one JSON document a checked report becomes (spec/check-output.md): meta, the three tables
 * and the findings. Blank cells are null, never 0; integers are JSON integers, amounts decimals.
 */
public final class CheckReport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private CheckReport() {
    }

    /** The document as a tree, for callers that embed or compare it. */
    public static ObjectNode toTree(ParsedReport report, List<Finding> findings) {
        ObjectNode root = NODES.objectNode();
        root.set("meta", meta(report));
        root.set("proactive", proactive(report));
        root.set("applications", applications(report));
        root.set("reviewLitigation", reviewLitigation(report));
        ArrayNode list = root.putArray("findings");
        findings.forEach(f -> list.add(finding(f)));
        return root;
    }

    /** The document as pretty-printed JSON text. */
    public static String toJson(ParsedReport report, List<Finding> findings) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(report, findings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode meta(ParsedReport report) {
        ReportMetadata m = report.meta() == null ? ReportMetadata.UNKNOWN : report.meta();
        ObjectNode meta = NODES.objectNode();
        meta.put("agency", m.agency());
        meta.put("agencyLevel", m.agencyLevel() == null ? null : m.agencyLevel().name());
        meta.put("year", m.year());
        meta.put("template", report.template() == null ? null : report.template().name());
        meta.put("publishedOn", m.publishedOn() == null ? null : m.publishedOn().toString());
        return meta;
    }

    private static JsonNode proactive(ParsedReport report) {
        if (report.proactive() == null || report.proactive().rows() == null) {
            return NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, Map<String, BigDecimal>> row : report.proactive().rows().entrySet()) {
            ObjectNode cells = out.putObject(row.getKey());
            row.getValue().forEach((column, value) -> cells.set(column, number(value)));
        }
        return out;
    }

    private static JsonNode applications(ParsedReport report) {
        ApplicationsTable t = report.applications();
        if (t == null || t.rows() == null) {
            return NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        out.set("columns", strings(ApplicationsTable.COLUMNS));
        ObjectNode rows = out.putObject("rows");
        t.rows().forEach((key, cells) -> rows.set(key, counts(cells)));
        return out;
    }

    private static JsonNode reviewLitigation(ParsedReport report) {
        ReviewLitigationTable t = report.reviewLitigation();
        if (t == null || t.groups() == null) {
            return NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        out.set("columns", strings(ReviewLitigationTable.COLUMNS));
        for (String group : ReviewLitigationTable.GROUPS) {
            out.set(group, counts(t.groups().get(group)));
        }
        return out;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode out = NODES.objectNode();
        out.put("rule", f.rule());
        out.put("severity", f.severity() == null ? null : f.severity().name());
        out.put("responsibility", f.responsibility() == null ? null : f.responsibility().name());
        out.put("location", f.location());
        out.set("expected", number(f.expected()));
        out.set("actual", number(f.actual()));
        out.put("message", f.message());
        out.put("evidence", f.evidence());
        return out;
    }

    /** A row of counts; a null row (a group that could not be aligned) stays null. */
    private static JsonNode counts(List<Long> cells) {
        if (cells == null) {
            return NODES.nullNode();
        }
        ArrayNode out = NODES.arrayNode();
        cells.forEach(c -> out.add(c == null ? NODES.nullNode() : NODES.numberNode(c)));
        return out;
    }

    /** Integral values as JSON integers ("0", not "0.00"), others as plain decimals. */
    private static JsonNode number(BigDecimal value) {
        if (value == null) {
            return NODES.nullNode();
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() <= 0) {
            return NODES.numberNode(v.toBigIntegerExact());
        }
        return NODES.numberNode(v);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode out = NODES.arrayNode();
        values.forEach(out::add);
        return out;
    }
}
