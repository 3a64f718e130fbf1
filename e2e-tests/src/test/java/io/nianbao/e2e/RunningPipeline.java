package io.nianbao.e2e;

import io.nianbao.cli.demo.PipelineWatcher;
import io.nianbao.cli.demo.PortalClient;
import io.nianbao.events.TopicClient;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.MailCatcher;
import io.nianbao.localstack.ServiceFleet;

import java.io.IOException;
import java.util.Map;

/**
 * The pipeline an end-to-end test class runs against: the service fleet on the run's stack, a mail
 * server for notify-service with one inspector, and the test's hands on it — the portal's HTTP
 * client, a watcher of the pipeline's end and a client of its topics. Closing stops the services
 * first; the broker they talk to is stopped by the extension at the end of the run.
 */
record RunningPipeline(MailCatcher mail, ServiceFleet fleet, PipelineWatcher watcher, PortalClient portal, TopicClient topics)
        implements AutoCloseable {

    static final String INSPECTOR = "inspector@e2e.nianbao";

    static RunningPipeline start(LocalStack stack) throws IOException {
        MailCatcher mail = MailCatcher.start();
        try {
            ServiceFleet fleet = ServiceFleet.start(stack, mail.host(), mail.smtpPort(), Map.of("nianbao.notify.inspectors", INSPECTOR));
            return new RunningPipeline(mail, fleet, new PipelineWatcher(stack.bootstrapServers(), stack.schemaRegistryUrl()),
                    new PortalClient(fleet.ingestUrl()), new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl()));
        } catch (IOException | RuntimeException e) {
            mail.close();
            throw e;
        }
    }

    @Override
    public void close() {
        watcher.close();
        topics.close();
        fleet.close();
        mail.close();
    }
}
