package io.nianbao.notify;

import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides who hears about which finding of a report. AGENCY findings go to the inspectors whose
 * subscriptions match; SYSTEM findings (we could not read the report with certainty) go to the
 * operators only. Silences win over subscriptions. A finding matched by an immediate and a digest
 * subscription of the same target goes out at once.
 */
final class Router {

    /** The findings for one target: those to send now and those for the daily digest. */
    record Routed(List<StoredFinding> immediate, List<StoredFinding> digest) {
    }

    private final List<String> operators;
    private final Severity operatorSeverity;

    Router(List<String> operators, Severity operatorSeverity) {
        this.operators = List.copyOf(operators);
        this.operatorSeverity = operatorSeverity;
    }

    Map<Target, Routed> route(ReportInfo report, List<StoredFinding> findings, List<Subscription> subscriptions,
                              Set<Silence> silences) {
        // Per target, per finding: true when some matching subscription is immediate.
        Map<Target, Map<StoredFinding, Boolean>> routes = new LinkedHashMap<>();
        for (StoredFinding finding : findings) {
            if (finding.responsibility() == Responsibility.SYSTEM) {
                for (String operator : operators) {
                    if (finding.atLeast(operatorSeverity) && !silenced(silences, operator, report, finding)) {
                        routes.computeIfAbsent(Target.email(operator), t -> new LinkedHashMap<>()).put(finding, true);
                    }
                }
                continue;
            }
            for (Subscription subscription : subscriptions) {
                if (subscription.matches(report, finding) && !silenced(silences, subscription.inspector(), report, finding)) {
                    routes.computeIfAbsent(subscription.target(), t -> new LinkedHashMap<>())
                            .merge(finding, !subscription.digest(), Boolean::logicalOr);
                }
            }
        }
        Map<Target, Routed> routed = new LinkedHashMap<>();
        routes.forEach((target, byFinding) -> routed.put(target, new Routed(
                byFinding.keySet().stream().filter(byFinding::get).toList(),
                byFinding.keySet().stream().filter(f -> !byFinding.get(f)).toList())));
        return routed;
    }

    private static boolean silenced(Set<Silence> silences, String inspector, ReportInfo report, StoredFinding finding) {
        return silences.contains(new Silence(inspector, report.agencyId(), finding.rule()));
    }
}
