package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

import java.util.List;

/** A rule that judges one report (with last year's report, when known) on its own. */
public interface ReportRule {

    RuleId id();

    /** The rule's findings; empty when the report passes or the rule cannot apply (missing input). */
    List<Finding> check(RuleContext ctx);
}
