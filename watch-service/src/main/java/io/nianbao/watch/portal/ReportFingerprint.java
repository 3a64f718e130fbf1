package io.nianbao.watch.portal;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.extract.DocumentType;
import io.nianbao.core.extract.TextDecoder;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Section;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report says, as one hash: its sections (heading and text) and its three tables as
 * report-core reads them ({@link ReportReader}, the parser's own reading), so that a page whose
 * menus, scripts, counters or footer change hashes the same and an edited table cell does not.
 *
 * <p>A portal page holds the report inside its chrome, and the reader's last section runs on
 * into the footer; so a page is read twice: once whole, to find the first and last section
 * headings, then only the element that holds both (the CMS's article body). A document the
 * reader cannot read (a scan, an unknown type) hashes by its bytes.
 */
public final class ReportFingerprint {

    private static final ReportReader READER = new ReportReader();

    private ReportFingerprint() {
    }

    /** The hex SHA-256 of what the document says as a report. */
    public static String of(byte[] document) {
        ParsedReport report;
        try {
            report = READER.read(document, ReportMetadata.UNKNOWN);
            if (DocumentType.detect(document) == DocumentType.HTML) {
                byte[] body = reportBody(document, report);
                if (body != null) {
                    report = READER.read(body, ReportMetadata.UNKNOWN);
                }
            }
        } catch (UnreadableDocumentException e) {
            return "bytes:" + sha256(document);
        }
        return sha256(canonical(report).getBytes(StandardCharsets.UTF_8));
    }

    /** The element holding the first and the last section heading, as a page of its own; null when not found. */
    private static byte[] reportBody(byte[] page, ParsedReport report) {
        List<Section> found = report.sections().stream().filter(s -> s.heading() != null && !s.heading().isBlank()).toList();
        String html = TextDecoder.decode(page, true);
        if (found.size() < 2 || html == null) {
            return null;
        }
        Document document = Jsoup.parse(html);
        Element first = deepestHolding(document.body(), found.getFirst().heading());
        Element last = deepestHolding(document.body(), found.getLast().heading());
        if (first == null || last == null) {
            return null;
        }
        Element common = first;
        while (common != null && common != last && !last.parents().contains(common)) {
            common = common.parent();
        }
        return common == null ? null
                : ("<html><head><meta charset=\"utf-8\"></head><body>" + common.outerHtml() + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Element deepestHolding(Element root, String heading) {
        String wanted = withoutSpace(heading);
        if (root == null || !withoutSpace(root.text()).contains(wanted)) {
            return null;
        }
        Element holder = root;
        descend:
        while (true) {
            for (Element child : holder.children()) {
                if (withoutSpace(child.text()).contains(wanted)) {
                    holder = child;
                    continue descend;
                }
            }
            return holder;
        }
    }

    private static String withoutSpace(String text) {
        return text.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }

    /** Template, sections and tables in a fixed order and notation; metadata and parse findings left out. */
    static String canonical(ParsedReport report) {
        StringBuilder out = new StringBuilder().append(report.template()).append('\n');
        for (Section section : report.sections()) {
            out.append(section.kind()).append('\u0001').append(section.heading()).append('\u0001')
                    .append(section.text()).append('\n');
        }
        out.append("proactive\u0001").append(report.proactive() == null ? null : sorted(report.proactive().rows())).append('\n');
        out.append("applications\u0001").append(report.applications() == null ? null : sorted(report.applications().rows())).append('\n');
        out.append("review\u0001").append(report.reviewLitigation() == null ? null : sorted(report.reviewLitigation().groups()));
        return out.toString();
    }

    /** A map in key order, its nested maps too, numbers in plain notation ("1.0" as "1"). */
    private static Map<String, Object> sorted(Map<String, ?> map) {
        Map<String, Object> ordered = new TreeMap<>();
        map.forEach((key, value) -> ordered.put(key, switch (value) {
            case Map<?, ?> nested -> sorted(asStringKeyed(nested));
            case java.math.BigDecimal number -> number.stripTrailingZeros().toPlainString();
            case null -> "null";
            default -> value;
        }));
        return ordered;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asStringKeyed(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
