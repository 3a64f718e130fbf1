package io.nianbao.core.model;

import java.math.BigDecimal;

/**
 * One thing wrong with a report, named by a rule id of spec/rules.md.
 *
 * @param location section, row key and column key, e.g. "三.newReceived.total"
 * @param expected the value arithmetic requires, or null when no arithmetic is involved
 * @param actual   the value the report gives, or null
 * @param message  Chinese, forwardable to the agency as is
 * @param evidence the sentence or cells quoted from the report, or null
 */
public record Finding(String rule, Severity severity, Responsibility responsibility, String location,
                      BigDecimal expected, BigDecimal actual, String message, String evidence) {
}
