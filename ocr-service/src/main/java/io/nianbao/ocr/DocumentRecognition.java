package io.nianbao.ocr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.ocr.Recognition;
import io.nianbao.events.OcrRefusal;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportRecognised;
import io.nianbao.events.Topics;
import io.nianbao.ocr.engine.DocumentOcr;
import io.nianbao.service.CrashGuard;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.Poll;
import io.nianbao.service.ReportEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;

/**
 * ocr-service's domain step: a document of ocr.requested → what OCR read on each of its images
 * (ocr.recognised), or why nothing was read (no models installed, an image that cannot be decoded,
 * a document beyond the reading limits), for parse-service to parse or refuse.
 */
class DocumentRecognition {

    private static final Logger log = LoggerFactory.getLogger(DocumentRecognition.class);

    private final DocumentOcr ocr;
    private final DocumentStore documents;
    private final DocumentMemory memory;
    private final StreamBridge bridge;
    private final Counter pages;

    DocumentRecognition(DocumentOcr ocr, DocumentStore documents, DocumentMemory memory, StreamBridge bridge,
                        MeterRegistry meters) {
        this.ocr = ocr;
        this.documents = documents;
        this.memory = memory;
        this.bridge = bridge;
        this.pages = Counter.builder("nianbao_ocr_images").description("pages and pictures recognised").register(meters);
    }

    Poll.Pending recognise(ReportIngested requested) {
        long start = System.nanoTime();
        ReportRecognised.Builder recognised = ReportRecognised.newBuilder().setReport(requested);
        try (DocumentMemory.Hold held = memory.hold(requested.getSizeBytes())) {
            Recognition recognition = ocr.read(documents.contentOf(requested));
            recognised.setImages(recognition.images().entrySet().stream()
                    .map(image -> ReportEvents.toEvent(image.getKey(), image.getValue())).toList());
            pages.increment(recognition.images().size());
        } catch (UnreadableDocumentException e) {
            recognised.setRefusal(new OcrRefusal(e.reason().name(), e.chineseMessage(), e.getMessage()));
        }
        ReportRecognised out = recognised.setMillis((System.nanoTime() - start) / 1_000_000).build();
        log.info("recognised report {} of {}: {} images in {} ms{}", requested.getReportId(), requested.getAgencyId(),
                out.getImages().size(), out.getMillis(), out.getRefusal() == null ? "" : ", refused: " + out.getRefusal().getDetail());
        return () -> send(out);
    }

    /** A document whose reading killed ocr-service twice goes to parse-service refused, so that its portal hears why. */
    void refuseSetAside(ReportIngested requested) {
        send(ReportRecognised.newBuilder().setReport(requested)
                .setRefusal(new OcrRefusal(CrashGuard.CRASHED_CONSUMER, "识别该文件两次导致OCR服务异常退出，已停止处理并转交运维人员检查。",
                        "in progress at two deaths of ocr-service"))
                .build());
    }

    private void send(ReportRecognised recognised) {
        if (!bridge.send(Topics.OCR_RECOGNISED.name(), recognised)) {
            throw new IllegalStateException("ocr.recognised did not accept report " + recognised.getReport().getReportId());
        }
    }
}
