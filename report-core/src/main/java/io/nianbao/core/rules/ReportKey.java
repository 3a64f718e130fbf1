package io.nianbao.core.rules;

/** A report seen for an agency and a report year. */
public record ReportKey(String agency, int year) {
}
