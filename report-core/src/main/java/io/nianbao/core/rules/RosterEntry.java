package io.nianbao.core.rules;

import io.nianbao.core.model.AgencyLevel;

/**
 * An agency that must publish a report every year, as listed on the roster.
 *
 * @param region     the name of its region for the township deadline, or null
 * @param regionCode its GB/T 2260 行政区划 code (e.g. 320104), or null
 */
public record RosterEntry(String agency, AgencyLevel level, String region, String regionCode) {
}
