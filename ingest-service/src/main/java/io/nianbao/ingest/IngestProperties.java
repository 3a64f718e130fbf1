package io.nianbao.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxDocumentSize  larger documents are refused (413)
 * @param inlineLimit      documents up to this size travel inside the event; larger ones by reference
 */
@ConfigurationProperties("nianbao.ingest")
public record IngestProperties(DataSize maxDocumentSize, DataSize inlineLimit) {
}
