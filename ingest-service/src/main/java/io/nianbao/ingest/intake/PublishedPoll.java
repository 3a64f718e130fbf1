package io.nianbao.ingest.intake;

import io.nianbao.events.ReportPublished;
import io.nianbao.ingest.http.PortalAuthenticator;
import io.nianbao.service.CrashGuard;
import io.nianbao.service.DeadLetters;
import io.nianbao.service.StreamTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.List;

/**
 * One poll of report.published → report.ingested or report.rejected. Every report of the poll is
 * checked and its send started before any send is waited for: the sends share produce requests,
 * where one by one each had waited for a request of its own.
 *
 * <p>A record that is not a ReportPublished goes to report.published.dlq at once. A record whose
 * intake fails (its send refused, the registry away) is named to the listener container
 * ({@link BatchListenerFailedException}) once every send of the poll has been waited for: the
 * records before it are committed, it is retried and then dead-lettered ({@link DeadLetters}; when
 * the broker or the registry is away, retried until it is back), and the rest of the poll comes
 * again; what of it went through then counts as a duplicate. A record in progress at two deaths of
 * ingest-service is set aside ({@link CrashGuard}).
 */
public class PublishedPoll {

    private final ReportIntake intake;
    private final PortalAuthenticator portals;
    private final DeadLetters deadLetters;
    private final StreamTracing tracing;
    private final CrashGuard crashGuard;

    public PublishedPoll(ReportIntake intake, PortalAuthenticator portals, DeadLetters deadLetters, StreamTracing tracing,
                  CrashGuard crashGuard) {
        this.intake = intake;
        this.portals = portals;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
        this.crashGuard = crashGuard;
    }

    public void ingest(List<ConsumerRecord<?, ?>> poll) {
        crashGuard.handleInSlices(poll, this::ingestSlice);
    }

    private void ingestSlice(List<ConsumerRecord<?, ?>> poll) {
        ReportIntake.Submitted[] submitted = new ReportIntake.Submitted[poll.size()];
        int failedAt = -1;
        RuntimeException failure = null;
        for (int i = 0; i < poll.size() && failure == null; i++) {
            ConsumerRecord<?, ?> record = poll.get(i);
            int slot = i;
            try {
                if (record.value() instanceof ReportPublished published) {
                    tracing.inSpan("ingest", record.headers(), forwarded -> submitted[slot] = intake.submit(
                            Submission.of(published, portals.byId(published.getPortalId()).orElse(null))));
                } else {
                    deadLetters.deadLetterUnexpected(record, ReportPublished.class);
                }
            } catch (RuntimeException e) {
                failedAt = i;
                failure = e;
            }
        }
        // Every send that was started is waited for, also after a failure: one that fails releases
        // its report id, so that the poll's retry sends it.
        for (int i = 0; i < submitted.length; i++) {
            ReportIntake.Submitted report = submitted[i];
            if (report == null) {
                continue;
            }
            try {
                tracing.inSpan("ingest", poll.get(i).headers(), forwarded -> report.await());
            } catch (RuntimeException e) {
                if (failure == null || i < failedAt) {
                    failedAt = i;
                    failure = e;
                }
            }
        }
        if (failure != null) {
            ConsumerRecord<?, ?> record = poll.get(failedAt);
            throw new BatchListenerFailedException("cannot ingest record " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), failure, record);
        }
    }
}
