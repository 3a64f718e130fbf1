package io.nianbao.notify;

import io.nianbao.events.Channel;
import io.nianbao.events.Finding;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.ReportValidated;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Sends one e-mail per report with findings — not one per cell — to the inspectors. A mail server
 * that refuses throws, so the binder retries and finally dead-letters the event: nothing is lost.
 */
public class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    private final JavaMailSender mailSender;
    private final NotifyProperties properties;

    public MailNotifier(JavaMailSender mailSender, NotifyProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /**
     * Mails the report's findings when one of them is at least the configured severity (INFO-only
     * reports, e.g. a heading worded differently, do not interrupt an inspector); returns null when
     * nothing was sent.
     */
    public NotificationSent notify(ReportValidated report) {
        if (report.getFindings().stream().noneMatch(f -> f.getSeverity().ordinal() <= properties.minSeverity().ordinal())) {
            log.info("report {} of {} has no finding of severity {} or above: nothing to send",
                    report.getReportId(), report.getAgencyId(), properties.minSeverity());
            return null;
        }
        String recipients = String.join(",", properties.inspectors());
        try {
            MimeMessage mail = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mail, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(properties.inspectors().toArray(String[]::new));
            helper.setSubject(FindingsMail.subject(report));
            helper.setText(FindingsMail.plainText(report, properties.inboxUrl()));
            mailSender.send(mail);
        } catch (MessagingException | MailException e) {
            throw new IllegalStateException("cannot mail the findings of report " + report.getReportId() + ": " + e.getMessage(), e);
        }
        log.info("mailed {} findings of report {} to {}", report.getFindings().size(), report.getReportId(), recipients);
        return NotificationSent.newBuilder()
                .setReportId(report.getReportId())
                .setAgencyId(report.getAgencyId())
                .setChannel(Channel.EMAIL)
                .setRecipient(recipients)
                .setRules(report.getFindings().stream().map(Finding::getRule).distinct().toList())
                .setFindingCount(report.getFindings().size())
                .setSentAt(Instant.now())
                .build();
    }
}
