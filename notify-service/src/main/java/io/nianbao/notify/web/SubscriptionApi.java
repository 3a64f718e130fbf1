package io.nianbao.notify.web;

import io.nianbao.notify.SilenceEntry;
import io.nianbao.notify.Subscription;
import io.nianbao.notify.Subscriptions;
import io.nianbao.notify.NotifyProperties;
import io.nianbao.notify.NotifyProperties.Robot;
import io.nianbao.service.outbound.OutboundHttp;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/** The logged-in inspector's own subscriptions and silences, as JSON (HTTP Basic). */
@RestController
@RequestMapping("/api/v1")
class SubscriptionApi {

    /** A silence as the API takes it: the inspector is the caller; {@code expiresAt} null: until lifted. */
    record SilenceRequest(String agencyId, String ruleId, String comment, Instant expiresAt) {
    }

    private final Subscriptions subscriptions;
    private final OutboundHttp outbound;
    private final List<Robot> robots;
    private final NotifyProperties.GroupTimers timers;

    SubscriptionApi(Subscriptions subscriptions, OutboundHttp outbound, NotifyProperties properties) {
        this.subscriptions = subscriptions;
        this.outbound = outbound;
        this.robots = properties.robots();
        this.timers = properties.grouping();
    }

    @GetMapping("/subscriptions")
    List<Subscription> list(Principal inspector) {
        return subscriptions.of(inspector.getName());
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Subscription create(@RequestBody SubscriptionRequest request, Principal inspector) {
        return subscriptions.create(request.toSubscription(inspector.getName(), outbound, robots, timers));
    }

    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Principal inspector) {
        if (!subscriptions.delete(inspector.getName(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条订阅");
        }
    }

    @GetMapping("/silences")
    List<SilenceEntry> silences(Principal inspector) {
        return subscriptions.silencesOf(inspector.getName());
    }

    @PostMapping("/silences")
    @ResponseStatus(HttpStatus.CREATED)
    SilenceEntry silence(@RequestBody SilenceRequest request, Principal inspector) {
        return subscriptions.silence(InboxController.silenceOf(inspector, request.agencyId(), request.ruleId()),
                SubscriptionRequest.blankToNull(request.comment()), request.expiresAt());
    }

    @DeleteMapping("/silences")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsilence(@RequestParam String agencyId, @RequestParam String ruleId, Principal inspector) {
        subscriptions.unsilence(InboxController.silenceOf(inspector, agencyId, ruleId));
    }
}
