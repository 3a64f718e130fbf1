package io.nianbao.core.rules;

import io.nianbao.core.model.AgencyLevel;

/** An agency that must publish a report every year, as listed on the roster. */
public record RosterEntry(String agency, AgencyLevel level, String region) {
}
