package io.nianbao.notify;

import java.util.List;
import java.util.Objects;

/**
 * Alertmanager's inhibition rule for findings: a finding of a source rule keeps the findings of the
 * target rules of the same report out of notifications (the inbox still lists them) when they
 * agree on the labels named in {@code equal}: one cause, one message. A rule is named by its id,
 * or by a prefix ending in {@code *} ("T3-*").
 *
 * @param equal labels that must agree: {@code table} (the section a finding's location is in:
 *              二, 三, 四…), {@code severity}, {@code responsibility}
 */
public record Inhibition(List<String> sourceRules, List<String> targetRules, List<String> equal) {

    public Inhibition {
        sourceRules = List.copyOf(Objects.requireNonNullElse(sourceRules, List.of()));
        targetRules = List.copyOf(Objects.requireNonNullElse(targetRules, List.of()));
        equal = List.copyOf(Objects.requireNonNullElse(equal, List.of()));
        for (String label : equal) {
            if (!List.of("table", "severity", "responsibility").contains(label)) {
                throw new IllegalArgumentException("an inhibition compares table, severity or responsibility, not " + label);
            }
        }
    }

    /** Whether {@code source} keeps {@code target} out of notifications. */
    boolean inhibits(StoredFinding source, StoredFinding target) {
        return source != target && matches(sourceRules, source.rule()) && matches(targetRules, target.rule())
                && !matches(sourceRules, target.rule())
                && equal.stream().allMatch(label -> Objects.equals(label(source, label), label(target, label)));
    }

    private static boolean matches(List<String> rules, String rule) {
        return rules.stream().anyMatch(pattern -> pattern.endsWith("*")
                ? rule.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(rule));
    }

    private static String label(StoredFinding finding, String label) {
        return switch (label) {
            case "table" -> finding.location() == null ? null : finding.location().split("\\.", 2)[0];
            case "severity" -> finding.severity().name();
            default -> finding.responsibility().name();
        };
    }
}
