package io.nianbao.notify;

import io.nianbao.events.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * @param from        sender address of the notifications
 * @param inspectors  who receives every report's findings (subscriptions by region and rule come later)
 * @param inboxUrl    base URL of the inspectors' inbox page, for the link in each mail
 * @param minSeverity a report is mailed when one of its findings is this severe or more (ERROR > WARNING > INFO)
 */
@Validated
@ConfigurationProperties("nianbao.notify")
public record NotifyProperties(String from, List<String> inspectors, String inboxUrl, Severity minSeverity) {
}
