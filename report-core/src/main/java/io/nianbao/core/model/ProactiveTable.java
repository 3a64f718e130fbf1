package io.nianbao.core.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Section 二: row key → column key → value, keys per report-format.md. Only rows present in the
 * report appear; a blank cell is a null value.
 */
public record ProactiveTable(Map<String, Map<String, BigDecimal>> rows) {
}
