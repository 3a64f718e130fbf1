package io.nianbao.core.model;

/** Who a finding blames: the agency's report, or our reading of it. */
public enum Responsibility { AGENCY, SYSTEM }
