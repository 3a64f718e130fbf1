package io.nianbao.notify;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * How a subscription's immediate notifications are gathered, as Alertmanager groups alerts: the
 * findings that share the labels of {@code by} form one group, sent {@code groupWait} after its first
 * finding, then at most every {@code groupInterval} while new ones arrive; a group with nothing new is
 * sent again after {@code repeatInterval} (null: never) as a reminder of its findings still open. A burst
 * of two thousand reports of one region is then a handful of messages, not two thousand.
 *
 * @param by labels that split findings into groups; none: all of the subscription's in one group
 */
public record Grouping(List<Label> by, Duration groupWait, Duration groupInterval, Duration repeatInterval) {

    /** What findings are grouped by. */
    public enum Label {
        REGION("地区"), LEVEL("层级"), RULE("规则"), AGENCY("机关");

        private final String chinese;

        Label(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    public Grouping {
        by = List.copyOf(Objects.requireNonNullElse(by, List.<Label>of()).stream().distinct().sorted().toList());
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(groupInterval, "groupInterval");
        if (groupWait.isNegative() || !groupInterval.isPositive() || (repeatInterval != null && !repeatInterval.isPositive())) {
            throw new IllegalArgumentException("group wait must not be negative, interval and repeat must be positive: " + this);
        }
    }

    /** A finding's group: its key (stable across restarts, for the delivery log) and its title in Chinese. */
    record Group(String key, String title) {
    }

    /** @param regionLabel the name of a region code, for the title */
    Group groupOf(ReportInfo report, StoredFinding finding, UnaryOperator<String> regionLabel) {
        if (by.isEmpty()) {
            return new Group("all", "全部问题");
        }
        String key = by.stream().map(label -> label.name().toLowerCase() + "=" + value(label, report, finding))
                .collect(Collectors.joining("|"));
        String title = by.stream().map(label -> label.chinese() + " " + display(label, report, finding, regionLabel))
                .collect(Collectors.joining(" · "));
        return new Group(key, title);
    }

    private static String value(Label label, ReportInfo report, StoredFinding finding) {
        return switch (label) {
            case REGION -> Objects.requireNonNullElse(report.regionCode(), "");
            case LEVEL -> report.agencyLevel().name();
            case RULE -> finding.rule();
            case AGENCY -> report.agencyId();
        };
    }

    private static String display(Label label, ReportInfo report, StoredFinding finding, UnaryOperator<String> regionLabel) {
        return switch (label) {
            case REGION -> regionLabel.apply(report.regionCode());
            case LEVEL -> Words.level(report.agencyLevel());
            case RULE -> finding.ruleLabel();
            case AGENCY -> report.agency();
        };
    }

    /** The labels as the subscription table keeps them: lower-case names, comma-separated. */
    String byText() {
        return by.stream().map(label -> label.name().toLowerCase()).collect(Collectors.joining(","));
    }

    static List<Label> parseBy(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(","))
                .map(name -> Label.valueOf(name.strip().toUpperCase())).toList();
    }
}
