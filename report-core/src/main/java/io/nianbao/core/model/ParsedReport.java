package io.nianbao.core.model;

import java.util.List;

/**
 * A report as read from its document: metadata, the six sections and the three tables, and the
 * problems met while reading (PARSE-UNCERTAIN, TBL-SHAPE, …). A table the parser did not find is null.
 * {@code readByOcr}: some of its text or tables came from OCR of images (a scan, a table pasted as
 * a picture), so findings resting on it say so (经OCR识别) and the inspector knows to look at the image.
 */
public record ParsedReport(ReportMetadata meta,
                           Template template,
                           List<Section> sections,
                           ProactiveTable proactive,
                           ApplicationsTable applications,
                           ReviewLitigationTable reviewLitigation,
                           List<Finding> parseFindings,
                           boolean readByOcr) {

    /** A report read from the document's own text. */
    public ParsedReport(ReportMetadata meta, Template template, List<Section> sections, ProactiveTable proactive,
                        ApplicationsTable applications, ReviewLitigationTable reviewLitigation, List<Finding> parseFindings) {
        this(meta, template, sections, proactive, applications, reviewLitigation, parseFindings, false);
    }
}
