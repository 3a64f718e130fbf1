package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Severity;

import java.util.stream.Collectors;

/**
 * What an inspector wants to hear about. A null criterion matches everything.
 *
 * @param id           null for the default subscriptions of the configured inspectors
 * @param regionPrefix 行政区划 code prefix, e.g. {@code 3201} for 南京市
 * @param address      a webhook's URL, or the name of a configured robot (DINGTALK, WECOM, FEISHU); null for e-mail
 * @param digest       collect the findings for the daily digest instead of notifying at once
 * @param grouping     how the immediate notifications are grouped; null: one per report
 */
public record Subscription(Long id, String inspector, String regionPrefix, String agencyId, AgencyLevel agencyLevel,
                           String ruleId, Severity minSeverity, Channel channel, String address, boolean digest,
                           Grouping grouping) {

    /** Everything of {@code minSeverity} or more, at once by e-mail. */
    static Subscription everything(String inspector, Severity minSeverity) {
        return new Subscription(null, inspector, null, null, null, null, minSeverity, Channel.EMAIL, null, false, null);
    }

    Target target() {
        return new Target(inspector, channel, channel == Channel.EMAIL ? inspector : address);
    }

    /** How the subscription reaches its inspector, in the inbox's words: the channel, and its address. */
    public String channelLabel() {
        return channel == Channel.EMAIL ? channelName(channel) : channelName(channel) + " " + address;
    }

    /** The least severity it asks for, in the inbox's words. */
    public String minSeverityLabel() {
        return switch (minSeverity) {
            case ERROR -> "错误";
            case WARNING -> "警告及以上";
            case INFO -> "全部（含提示）";
        };
    }

    /** How its notifications are sent, in the inbox's words. */
    public String modeLabel() {
        if (digest) {
            return "每日汇总";
        }
        if (grouping == null) {
            return "逐份报告即时发送";
        }
        String by = grouping.by().isEmpty() ? "全部合为一组"
                : grouping.by().stream().map(Grouping.Label::chinese).collect(Collectors.joining("、", "按", "分组"));
        return by + "，首次等待" + Durations.chinese(grouping.groupWait()) + "，间隔" + Durations.chinese(grouping.groupInterval())
                + (grouping.repeatInterval() == null ? "" : "，未变化时每" + Durations.chinese(grouping.repeatInterval()) + "重发");
    }

    /** The channel in the inbox's words. */
    public static String channelName(Channel channel) {
        return switch (channel) {
            case EMAIL -> "邮件";
            case WEBHOOK -> "Webhook";
            case INBOX -> "收件箱";
            case DINGTALK -> "钉钉机器人";
            case WECOM -> "企业微信机器人";
            case FEISHU -> "飞书机器人";
        };
    }

    boolean matches(ReportInfo report, StoredFinding finding) {
        return (regionPrefix == null || (report.regionCode() != null && report.regionCode().startsWith(regionPrefix)))
                && (agencyId == null || agencyId.equals(report.agencyId()))
                && (agencyLevel == null || agencyLevel == report.agencyLevel())
                && (ruleId == null || ruleId.equals(finding.rule()))
                && finding.atLeast(minSeverity);
    }
}
