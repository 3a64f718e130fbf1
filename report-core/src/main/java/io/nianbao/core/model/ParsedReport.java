package io.nianbao.core.model;

import java.util.List;

/**
 * A report as read from its document: metadata, the six sections and the three tables, and the
 * problems met while reading (PARSE-UNCERTAIN, TBL-SHAPE, …). A table the parser did not find is null.
 */
public record ParsedReport(ReportMetadata meta,
                           Template template,
                           List<Section> sections,
                           ProactiveTable proactive,
                           ApplicationsTable applications,
                           ReviewLitigationTable reviewLitigation,
                           List<Finding> parseFindings) {
}
