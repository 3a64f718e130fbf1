package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Severity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inspectors' words for agency levels, severities and times: every page, message and export
 * says them from here. Times are Beijing time.
 */
public final class Words {

    /** The inspectors' time zone: the dates and times the workbench shows and its date filters mean. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BEIJING);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    private Words() {
    }

    public static String level(AgencyLevel level) {
        return switch (level) {
            case DEPARTMENT -> "部门";
            case GOVERNMENT -> "政府";
            case TOWNSHIP -> "乡镇";
            case UNKNOWN -> "未知";
        };
    }

    public static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
    }

    /** The day of {@code instant}: 2025-03-01. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** {@code instant} to the minute: 2025-03-01 09:30. */
    public static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    /** The levels an inspector may choose, in their words (a filter's or a subscription's options). */
    public static Map<AgencyLevel, String> levels() {
        Map<AgencyLevel, String> levels = new LinkedHashMap<>();
        Arrays.stream(AgencyLevel.values()).filter(l -> l != AgencyLevel.UNKNOWN).forEach(l -> levels.put(l, level(l)));
        return levels;
    }

    /** The severities, most severe first, in the inspectors' words. */
    public static Map<Severity, String> severities() {
        Map<Severity, String> severities = new LinkedHashMap<>();
        Arrays.stream(Severity.values()).forEach(s -> severities.put(s, severity(s)));
        return severities;
    }
}
