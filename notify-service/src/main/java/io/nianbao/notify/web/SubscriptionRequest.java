package io.nianbao.notify.web;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Severity;
import io.nianbao.notify.Grouping;
import io.nianbao.notify.NotifyProperties.GroupTimers;
import io.nianbao.notify.NotifyProperties.Robot;
import io.nianbao.notify.Subscription;
import io.nianbao.service.outbound.OutboundHttp;
import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.annotation.DurationFormat.Style;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * A new subscription as the API's JSON body or the inbox form sends it; blank or absent criteria
 * match everything. Durations: ISO-8601 in JSON (PT30S), 30s / 5m / 7d in the form.
 */
public record SubscriptionRequest(String regionPrefix, String agencyId, AgencyLevel agencyLevel, String ruleId,
                                  Severity minSeverity, Channel channel, String webhookUrl, String robot, Boolean digest,
                                  Boolean grouped, List<Grouping.Label> groupBy,
                                  @DurationFormat(style = Style.SIMPLE) Duration groupWait,
                                  @DurationFormat(style = Style.SIMPLE) Duration groupInterval,
                                  @DurationFormat(style = Style.SIMPLE) Duration repeatInterval) {

    /**
     * @param outbound checks a webhook's URL now, as it will be checked at every delivery
     * @param robots   the configured robots, one of which a robot subscription names
     * @param timers   a grouped subscription's timers where the request names none
     */
    Subscription toSubscription(String inspector, OutboundHttp outbound, List<Robot> robots, GroupTimers timers) {
        Channel resolved = channel == null ? Channel.EMAIL : channel;
        String address = switch (resolved) {
            case INBOX -> throw new ResponseStatusException(BAD_REQUEST, "每条订阅都会进入收件箱，请选择邮件、Webhook 或群机器人");
            case EMAIL -> null;
            case WEBHOOK -> checkWebhook(blankToNull(webhookUrl), outbound);
            case DINGTALK, WECOM, FEISHU -> checkRobot(resolved, blankToNull(robot), robots);
        };
        String region = blankToNull(regionPrefix);
        if (region != null && !region.matches("\\d{1,12}")) {
            throw new ResponseStatusException(BAD_REQUEST, "行政区划代码前缀只能是数字");
        }
        return new Subscription(null, inspector, region, blankToNull(agencyId),
                agencyLevel == AgencyLevel.UNKNOWN ? null : agencyLevel, blankToNull(ruleId),
                minSeverity == null ? Severity.WARNING : minSeverity, resolved, address, Boolean.TRUE.equals(digest),
                grouping(timers));
    }

    /** The grouping asked for (grouped, or labels named), its timers defaulting to {@code timers}; null: per report. */
    private Grouping grouping(GroupTimers timers) {
        if (!Boolean.TRUE.equals(grouped) && (groupBy == null || groupBy.isEmpty())) {
            return null;
        }
        try {
            return new Grouping(groupBy, Objects.requireNonNullElse(groupWait, timers.groupWait()),
                    Objects.requireNonNullElse(groupInterval, timers.groupInterval()),
                    repeatInterval != null ? repeatInterval : timers.repeatInterval());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(BAD_REQUEST, "分组等待时间不能为负，发送间隔和重发间隔应为正");
        }
    }

    /** The robot's name, if a robot of that tool is configured by it. */
    private static String checkRobot(Channel kind, String name, List<Robot> robots) {
        if (name == null || robots.stream().noneMatch(r -> r.kind() == kind && r.name().equals(name))) {
            throw new ResponseStatusException(BAD_REQUEST, "群机器人订阅需要填写已配置的机器人名称，可用："
                    + robots.stream().filter(r -> r.kind() == kind).map(Robot::name).toList());
        }
        return name;
    }

    /** The webhook's URL, if it may be called. */
    private static String checkWebhook(String url, OutboundHttp outbound) {
        if (url == null) {
            throw new ResponseStatusException(BAD_REQUEST, "Webhook 订阅需要 http(s) 地址");
        }
        try {
            outbound.checkUrl(url, true);
        } catch (OutboundHttp.ForbiddenAddress e) {
            throw new ResponseStatusException(BAD_REQUEST, "Webhook 地址指向内部或保留网络地址（" + e.getMessage() + "），不予使用");
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(BAD_REQUEST, "Webhook 订阅需要可以解析的 http(s) 地址：" + url);
        }
        return url;
    }

    static String blankToNull(String text) {
        return StringUtils.hasText(text) ? text.trim() : null;
    }
}
