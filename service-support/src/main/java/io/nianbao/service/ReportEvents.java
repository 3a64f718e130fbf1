package io.nianbao.service;

import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.ApplicationsTable;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ProactiveTable;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.model.ReviewLitigationTable;
import io.nianbao.core.model.Section;
import io.nianbao.core.model.SectionKind;
import io.nianbao.core.model.Severity;
import io.nianbao.core.model.Template;
import io.nianbao.core.ocr.RecognisedCell;
import io.nianbao.core.ocr.RecognisedLine;
import io.nianbao.core.ocr.Recognition;
import io.nianbao.events.OcrCell;
import io.nianbao.events.OcrImage;
import io.nianbao.events.OcrLine;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportRecognised;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Translates between the pure report model of report-core and the Avro events on the topics. */
public final class ReportEvents {

    private ReportEvents() {
    }

    /** The metadata a portal supplied with the document; it wins over what the text says. */
    public static ReportMetadata hintsOf(ReportIngested ingested) {
        return new ReportMetadata(ingested.getAgencyName(), levelOf(ingested.getAgencyLevel()),
                ingested.getYear(), dateOf(ingested.getPublishedOn()));
    }

    public static ReportParsed toEvent(ReportIngested source, ParsedReport report) {
        ReportMetadata meta = report.meta();
        return ReportParsed.newBuilder()
                .setReportId(source.getReportId())
                .setAgencyId(source.getAgencyId())
                .setAgencyName(meta.agency())
                .setAgencyLevel(levelOf(meta.agencyLevel()))
                .setRegionCode(source.getRegionCode())
                .setYear(meta.year())
                .setPublishedOn(meta.publishedOn() == null ? null : meta.publishedOn().toString())
                .setDocumentUrl(source.getDocumentUrl())
                .setSha256(source.getSha256())
                .setTemplate(report.template() == null ? null : io.nianbao.events.Template.valueOf(report.template().name()))
                .setSections(report.sections().stream()
                        .map(s -> new io.nianbao.events.Section(io.nianbao.events.SectionKind.valueOf(s.kind().name()), s.heading(), s.text()))
                        .toList())
                .setProactive(report.proactive() == null ? null : mapValues(report.proactive().rows(),
                        row -> mapValues(row, ReportEvents::decimalText)))
                .setApplications(report.applications() == null ? null : mapValues(report.applications().rows(), ArrayList::new))
                .setReviewLitigation(report.reviewLitigation() == null ? null : mapValues(report.reviewLitigation().groups(), ArrayList::new))
                .setParseFindings(report.parseFindings().stream().map(ReportEvents::toEvent).toList())
                .setReadByOcr(report.readByOcr())
                .build();
    }

    public static ParsedReport toModel(ReportParsed event) {
        ReportMetadata meta = new ReportMetadata(event.getAgencyName(), levelOf(event.getAgencyLevel()),
                event.getYear(), dateOf(event.getPublishedOn()));
        List<Section> sections = event.getSections().stream()
                .map(s -> new Section(SectionKind.valueOf(s.getKind().name()), s.getHeading(), s.getText()))
                .toList();
        return new ParsedReport(meta,
                event.getTemplate() == null ? null : Template.valueOf(event.getTemplate().name()),
                sections,
                event.getProactive() == null ? null : new ProactiveTable(mapValues(event.getProactive(),
                        row -> mapValues(row, ReportEvents::decimalOf))),
                event.getApplications() == null ? null : new ApplicationsTable(mapValues(event.getApplications(), Function.identity())),
                event.getReviewLitigation() == null ? null : new ReviewLitigationTable(mapValues(event.getReviewLitigation(), Function.identity())),
                event.getParseFindings().stream().map(ReportEvents::toModel).toList(),
                event.getReadByOcr());
    }

    public static io.nianbao.events.Finding toEvent(Finding finding) {
        return io.nianbao.events.Finding.newBuilder()
                .setRule(finding.rule())
                .setSeverity(io.nianbao.events.Severity.valueOf(finding.severity().name()))
                .setResponsibility(io.nianbao.events.Responsibility.valueOf(finding.responsibility().name()))
                .setLocation(finding.location())
                .setExpected(decimalText(finding.expected()))
                .setActual(decimalText(finding.actual()))
                .setMessage(finding.message())
                .setEvidence(finding.evidence())
                .build();
    }

    public static Finding toModel(io.nianbao.events.Finding finding) {
        return new Finding(finding.getRule(),
                Severity.valueOf(finding.getSeverity().name()),
                Responsibility.valueOf(finding.getResponsibility().name()),
                finding.getLocation(),
                decimalOf(finding.getExpected()),
                decimalOf(finding.getActual()),
                finding.getMessage(),
                finding.getEvidence());
    }

    public static io.nianbao.events.AgencyLevel levelOf(AgencyLevel level) {
        return level == null ? io.nianbao.events.AgencyLevel.UNKNOWN : io.nianbao.events.AgencyLevel.valueOf(level.name());
    }

    public static AgencyLevel levelOf(io.nianbao.events.AgencyLevel level) {
        return level == null || level == io.nianbao.events.AgencyLevel.UNKNOWN ? null : AgencyLevel.valueOf(level.name());
    }

    private static LocalDate dateOf(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }

    private static String decimalText(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** What ocr-service read, as report-core's parser takes it. */
    public static Recognition recognitionOf(ReportRecognised recognised) {
        Map<Integer, List<RecognisedLine>> images = new LinkedHashMap<>();
        for (OcrImage image : recognised.getImages()) {
            images.put(image.getIndex(), image.getLines().stream()
                    .map(line -> new RecognisedLine(line.getCells().stream()
                            .map(cell -> new RecognisedCell(cell.getText(), cell.getConfidence())).toList(), line.getTableRow()))
                    .toList());
        }
        return new Recognition(images);
    }

    /** The lines ocr-service read on one image, as ocr.recognised carries them. */
    public static OcrImage toEvent(int index, List<RecognisedLine> lines) {
        return new OcrImage(index, lines.stream()
                .map(line -> new OcrLine(line.tableRow(), line.cells().stream()
                        .map(cell -> new OcrCell(cell.text(), cell.confidence())).toList()))
                .toList());
    }

    private static BigDecimal decimalOf(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /** Like a stream collector to a LinkedHashMap, but keeps null values (blank cells, unaligned groups). */
    private static <A, B> Map<String, B> mapValues(Map<String, A> source, Function<A, B> convert) {
        Map<String, B> result = new LinkedHashMap<>();
        source.forEach((key, value) -> result.put(key, value == null ? null : convert.apply(value)));
        return result;
    }
}
