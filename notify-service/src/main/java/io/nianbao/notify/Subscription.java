package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Severity;

/**
 * What an inspector wants to hear about. A null criterion matches everything.
 *
 * @param id           null for the default subscriptions of the configured inspectors
 * @param regionPrefix 行政区划 code prefix, e.g. {@code 3201} for 南京市
 * @param webhookUrl   only for {@link Channel#WEBHOOK}
 * @param digest       collect the findings for the daily digest instead of notifying at once
 */
public record Subscription(Long id, String inspector, String regionPrefix, String agencyId, AgencyLevel agencyLevel,
                           String ruleId, Severity minSeverity, Channel channel, String webhookUrl, boolean digest) {

    /** Everything of {@code minSeverity} or more, at once by e-mail. */
    static Subscription everything(String inspector, Severity minSeverity) {
        return new Subscription(null, inspector, null, null, null, null, minSeverity, Channel.EMAIL, null, false);
    }

    Target target() {
        return new Target(inspector, channel, channel == Channel.WEBHOOK ? webhookUrl : inspector);
    }

    boolean matches(ReportInfo report, StoredFinding finding) {
        return (regionPrefix == null || (report.regionCode() != null && report.regionCode().startsWith(regionPrefix)))
                && (agencyId == null || agencyId.equals(report.agencyId()))
                && (agencyLevel == null || agencyLevel == report.agencyLevel())
                && (ruleId == null || ruleId.equals(finding.rule()))
                && finding.atLeast(minSeverity);
    }
}
