package io.nianbao.notify.web;

import io.nianbao.core.rules.RuleId;
import io.nianbao.events.Channel;
import io.nianbao.notify.Grouping;
import io.nianbao.notify.NotifyProperties;
import io.nianbao.notify.Regions;
import io.nianbao.notify.NotifyProperties.Robot;
import io.nianbao.notify.Silence;
import io.nianbao.notify.Subscription;
import io.nianbao.notify.Subscriptions;
import io.nianbao.notify.Words;
import io.nianbao.service.outbound.OutboundHttp;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inspectors' inbox: findings by report, searched and filtered a page of reports at a time,
 * acknowledging findings (selected, or a report's all), silencing a rule for an agency, a chart per
 * rule and per region, and the inspector's subscriptions.
 */
@Controller
class InboxController {

    private final Inbox inbox;
    private final Subscriptions subscriptions;
    private final Clock clock;
    private final OutboundHttp outbound;
    private final List<Robot> robots;
    private final NotifyProperties.GroupTimers timers;
    private final Regions regions;

    InboxController(Inbox inbox, Subscriptions subscriptions, Clock clock, OutboundHttp outbound, NotifyProperties properties,
                    Regions regions) {
        this.regions = regions;
        this.robots = properties.robots();
        this.timers = properties.grouping();
        this.outbound = outbound;
        this.inbox = inbox;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }

    @GetMapping("/inbox")
    String inbox(@ModelAttribute Inbox.Filter filter, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) String select, @RequestParam(required = false) Integer year,
                 Principal inspector, Model model) {
        return page("/inbox", filter, page, "all".equals(select), year, inspector, model);
    }

    /** The link in every notification. */
    @GetMapping("/inbox/reports/{reportId}")
    String report(@PathVariable String reportId, @RequestParam(required = false) String select, Principal inspector, Model model) {
        return page("/inbox/reports/" + UriUtils.encodePathSegment(reportId, StandardCharsets.UTF_8), Inbox.Filter.ofReport(reportId),
                null, "all".equals(select), null, inspector, model);
    }

    /**
     * The inbox at {@code path}: one page of the filtered reports, its links to the pages around it
     * (keeping the filter), its findings all selected for acknowledging when {@code selectAll}.
     */
    private String page(String path, Inbox.Filter filter, Integer page, boolean selectAll, Integer year,
                        Principal inspector, Model model) {
        String me = inspector.getName();
        Inbox.Page results = inbox.page(me, filter, page);
        Pagination pagination = results.pagination();
        int chartYear = year != null ? year : inbox.latestYear(me).orElse(Year.now(clock).getValue());
        model.addAttribute("inspector", me);
        model.addAttribute("filter", filter);
        model.addAttribute("reports", results.reports());
        model.addAttribute("pagination", pagination);
        model.addAttribute("selectAll", selectAll);
        model.addAttribute("selectAllHref", path + filter.query(pagination.number(), true));
        model.addAttribute("selectNoneHref", path + filter.query(pagination.number(), false));
        model.addAttribute("previousHref", path + filter.query(pagination.number() - 1, false));
        model.addAttribute("nextHref", path + filter.query(pagination.number() + 1, false));
        Map<String, String> rules = new LinkedHashMap<>();
        inbox.rules(me).forEach(rule -> rules.put(rule, RuleId.labelOf(rule)));
        if (filter.rule() != null) {
            rules.putIfAbsent(filter.rule(), RuleId.labelOf(filter.rule()));
        }
        model.addAttribute("rules", rules);
        model.addAttribute("severities", Words.severities());
        model.addAttribute("statuses", Inbox.Status.values());
        model.addAttribute("year", chartYear);
        model.addAttribute("ruleChart", BarChart.of("各规则问题数", inbox.perRule(me, chartYear)));
        model.addAttribute("regionChart", BarChart.of("各地区问题数", inbox.perRegion(me, chartYear, regions)));
        model.addAttribute("regions", regions);
        model.addAttribute("silences", subscriptions.silencesOf(me));
        return "inbox";
    }

    /** Acknowledges the findings selected on the page (or the one whose button was pressed), each "reportId fingerprint". */
    @PostMapping("/inbox/acknowledge")
    String acknowledge(@RequestParam(name = "entry", required = false) List<String> entries, Principal inspector,
                       @RequestHeader(name = "Referer", required = false) String referer, RedirectAttributes flash) {
        List<Inbox.EntryKey> keys;
        try {
            keys = entries == null ? List.of() : entries.stream().map(Inbox.EntryKey::parse).toList();
        } catch (IllegalArgumentException malformed) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "所选问题的编号有误");
        }
        flash.addFlashAttribute("notice", keys.isEmpty() ? "未选择任何问题。"
                : "已确认 " + inbox.acknowledge(inspector.getName(), keys, clock.instant()) + " 个问题。");
        return back(referer);
    }

    @PostMapping("/inbox/reports/{reportId}/acknowledge")
    String acknowledgeReport(@PathVariable String reportId, Principal inspector,
                             @RequestHeader(name = "Referer", required = false) String referer, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", "已确认 " + inbox.acknowledgeReport(inspector.getName(), reportId, clock.instant()) + " 个问题。");
        return back(referer);
    }

    /** Silences with the inspector's comment, for {@code days} days (none: until lifted). */
    @PostMapping("/inbox/silences")
    String silence(@RequestParam String agencyId, @RequestParam String ruleId,
                   @RequestParam(required = false) String comment, @RequestParam(required = false) Integer days,
                   Principal inspector, @RequestHeader(name = "Referer", required = false) String referer) {
        if (days != null && days <= 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "屏蔽期限应为正的天数");
        }
        subscriptions.silence(silenceOf(inspector, agencyId, ruleId), SubscriptionRequest.blankToNull(comment),
                days == null ? null : clock.instant().plus(Duration.ofDays(days)));
        return back(referer);
    }

    @PostMapping("/inbox/silences/delete")
    String unsilence(@RequestParam String agencyId, @RequestParam String ruleId, Principal inspector,
                     @RequestHeader(name = "Referer", required = false) String referer) {
        subscriptions.unsilence(silenceOf(inspector, agencyId, ruleId));
        return back(referer);
    }

    @GetMapping("/inbox/subscriptions")
    String subscriptions(Principal inspector, Model model) {
        model.addAttribute("inspector", inspector.getName());
        model.addAttribute("subscriptions", subscriptions.of(inspector.getName()));
        model.addAttribute("severities", Words.severities());
        model.addAttribute("levels", Words.levels());
        Map<Channel, String> channels = new LinkedHashMap<>();
        channels.put(Channel.EMAIL, Subscription.channelName(Channel.EMAIL));
        channels.put(Channel.WEBHOOK, Subscription.channelName(Channel.WEBHOOK));
        robots.forEach(robot -> channels.putIfAbsent(robot.kind(), Subscription.channelName(robot.kind())));
        model.addAttribute("channels", channels);
        model.addAttribute("robots", robots.stream().map(Robot::name).toList());
        model.addAttribute("groupLabels", Grouping.Label.values());
        return "subscriptions";
    }

    @PostMapping("/inbox/subscriptions")
    String subscribe(@ModelAttribute SubscriptionRequest request, Principal inspector) {
        subscriptions.create(request.toSubscription(inspector.getName(), outbound, robots, timers));
        return "redirect:/inbox/subscriptions";
    }

    @PostMapping("/inbox/subscriptions/{id}/delete")
    String unsubscribe(@PathVariable long id, Principal inspector) {
        subscriptions.delete(inspector.getName(), id);
        return "redirect:/inbox/subscriptions";
    }

    static Silence silenceOf(Principal inspector, String agencyId, String ruleId) {
        String agency = SubscriptionRequest.blankToNull(agencyId);
        String rule = SubscriptionRequest.blankToNull(ruleId);
        if (agency == null || rule == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "屏蔽需要机关和规则编号");
        }
        return new Silence(inspector.getName(), agency, rule);
    }

    /**
     * Back to the inbox view the form was posted from (only a page of this inbox, never elsewhere),
     * with nothing selected any more.
     */
    private static String back(String referer) {
        try {
            URI uri = URI.create(referer);
            if (uri.getRawPath() != null && uri.getRawPath().startsWith("/inbox")) {
                return "redirect:" + UriComponentsBuilder.fromPath(uri.getRawPath()).query(uri.getRawQuery())
                        .replaceQueryParam("select").build(true).toUriString();
            }
        } catch (IllegalArgumentException | NullPointerException unusable) {
            // No or a malformed Referer: the inbox itself.
        }
        return "redirect:/inbox";
    }
}
