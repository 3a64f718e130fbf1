package io.nianbao.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param maxDocumentSize  larger documents are refused (413)
 * @param maxRequestSize   larger HTTP bodies (an upload and its envelope) are refused (413)
 * @param maxJsonSize      larger JSON bodies (a text inline) are refused (413)
 * @param bodyTimeout      a body not received whole within this is refused (408)
 * @param incomingDir      where bodies and downloads are written as they arrive
 * @param inlineLimit      documents up to this size travel inside the event; larger ones by reference
 * @param signatureWindow  how far the timestamp of a signed request may be from now
 * @param portals          who may hand reports in
 */
@ConfigurationProperties("nianbao.ingest")
public record IngestProperties(DataSize maxDocumentSize, DataSize maxRequestSize, DataSize maxJsonSize,
                               @DefaultValue("120s") Duration bodyTimeout, Path incomingDir, DataSize inlineLimit,
                               @DefaultValue("5m") Duration signatureWindow,
                               @DefaultValue Fetch fetch, @DefaultValue Docx docx, @DefaultValue Status status,
                               @DefaultValue List<Portal> portals) {

    /**
     * @param timeout            whole fetch, redirects included (and as long again for a page's table images)
     * @param maxTableImages     images in a fetched page's tables fetched to be put into it, the first ones
     * @param maxTableImageBytes bytes of those images together
     */
    public record Fetch(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration timeout,
                        @DefaultValue("5") int maxRedirects, @DefaultValue("20") int maxTableImages,
                        @DefaultValue("4MB") DataSize maxTableImageBytes) {
    }

    /** Decompression-bomb limits for DOCX (a ZIP container). */
    public record Docx(@DefaultValue("2000") int maxEntries, @DefaultValue("200MB") DataSize maxUncompressedSize,
                       @DefaultValue("100") int maxCompressionRatio) {
    }

    /**
     * @param capacity reports whose status is kept (least recently touched ones go first)
     * @param lookback how far back the status store reads the topics at startup
     */
    public record Status(@DefaultValue("100000") int capacity, @DefaultValue("7d") Duration lookback) {
    }
}
