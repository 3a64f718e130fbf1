package io.nianbao.ocr;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.events.Topics;
import io.nianbao.ocr.engine.DocumentOcr;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.Polls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * ocr.requested → ocr.recognised: {@link DocumentRecognition} inside the {@link io.nianbao.service.Poll}
 * skeleton, a document per poll and Kafka transaction. A service of its own because OCR costs about
 * a hundred text reports a page: it scales on its own, and a burst of scans waits here, never
 * before parse-service's text reports.
 */
@SpringBootApplication
public class OcrServiceApplication {

    private static final Logger log = LoggerFactory.getLogger(OcrServiceApplication.class);

    public static void main(String[] args) {
        NianbaoServices.run(OcrServiceApplication.class, args);
    }

    /** The models, loaded once and shared by the consumer threads; without them every document is refused (NEEDS_OCR). */
    @Bean(destroyMethod = "close")
    DocumentOcr documentOcr() {
        DocumentOcr ocr = DocumentOcr.load();
        if (!ocr.available()) {
            log.warn("OCR models are not installed: every document will be refused with NEEDS_OCR");
        }
        return ocr;
    }

    @Bean
    DocumentRecognition documentRecognition(DocumentOcr ocr, DocumentStore documents, DocumentMemory memory,
                                            StreamBridge bridge, MeterRegistry meters) {
        return new DocumentRecognition(ocr, documents, memory, bridge, meters);
    }

    /**
     * Consumes ocr.requested; produces ocr.recognised through the {@link StreamBridge} in the poll's
     * transaction. A document whose reading killed the service twice is set aside by the crash
     * guard and refused, so that its portal hears why it goes no further.
     */
    @Bean
    Consumer<Message<?>> recogniseDocuments(Polls polls, DocumentRecognition recognition) {
        return polls.inTransaction(Topics.OCR_REQUESTED, "ocr", events -> recognition::recognise, Duration.ZERO,
                recognition::refuseSetAside);
    }
}
