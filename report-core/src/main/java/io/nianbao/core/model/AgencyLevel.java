package io.nianbao.core.model;

/** Which publication deadline applies to an agency (report-format.md, "Who publishes, and by when"). */
public enum AgencyLevel {
    /** A department of a government at county level or above: 31 January of N+1. */
    DEPARTMENT,
    /** A local government at county level or above: 31 March of N+1. */
    GOVERNMENT,
    /** A township or street office: set per region, default 31 March of N+1. */
    TOWNSHIP
}
