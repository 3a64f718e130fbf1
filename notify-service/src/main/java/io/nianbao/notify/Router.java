package io.nianbao.notify;

import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides who hears about which finding of a report. AGENCY findings go to the inspectors whose
 * subscriptions match; SYSTEM findings (we could not read the report with certainty) go to the
 * operators only. Silences win over subscriptions. A finding matched by an immediate and a digest
 * subscription of the same target goes out at once. A finding that another of the report inhibits
 * ({@link Inhibition}) is routed to the inbox only.
 */
final class Router {

    /**
     * The findings for one target: those to send now (grouped as {@code grouping} says, or per
     * report when null), those for the daily digest, those for the inbox only.
     */
    record Routed(List<StoredFinding> immediate, List<StoredFinding> digest, List<StoredFinding> inhibited, Grouping grouping) {
    }

    private final List<String> operators;
    private final Severity operatorSeverity;
    private final List<Inhibition> inhibitions;

    Router(List<String> operators, Severity operatorSeverity, List<Inhibition> inhibitions) {
        this.operators = List.copyOf(operators);
        this.operatorSeverity = operatorSeverity;
        this.inhibitions = List.copyOf(inhibitions);
    }

    Map<Target, Routed> route(ReportInfo report, List<StoredFinding> findings, List<Subscription> subscriptions,
                              Set<Silence> silences) {
        // Per target, per finding: true when some matching subscription is immediate.
        Map<Target, Map<StoredFinding, Boolean>> routes = new LinkedHashMap<>();
        // A target's immediate findings are grouped as its first matching grouped subscription says.
        Map<Target, Grouping> groupings = new HashMap<>();
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
                    if (!subscription.digest() && subscription.grouping() != null) {
                        groupings.putIfAbsent(subscription.target(), subscription.grouping());
                    }
                }
            }
        }
        Set<StoredFinding> inhibited = findings.stream().filter(target -> findings.stream()
                .anyMatch(source -> inhibitions.stream().anyMatch(rule -> rule.inhibits(source, target))))
                .collect(Collectors.toSet());
        Map<Target, Routed> routed = new LinkedHashMap<>();
        routes.forEach((target, byFinding) -> routed.put(target, new Routed(
                byFinding.keySet().stream().filter(f -> byFinding.get(f) && !inhibited.contains(f)).toList(),
                byFinding.keySet().stream().filter(f -> !byFinding.get(f) && !inhibited.contains(f)).toList(),
                byFinding.keySet().stream().filter(inhibited::contains).toList(), groupings.get(target))));
        return routed;
    }

    private static boolean silenced(Set<Silence> silences, String inspector, ReportInfo report, StoredFinding finding) {
        return silences.contains(new Silence(inspector, report.agencyId(), finding.rule()));
    }
}
