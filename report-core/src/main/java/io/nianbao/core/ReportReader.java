package io.nianbao.core;

import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;

/**
 * Reads a published document (HTML, PDF, DOCX/DOC or text; type and charset detected from the
 * bytes) into the report model. Pure and thread-safe: the parse service and the CLI share it.
 */
public final class ReportReader {

    /**
     * @param document the document's bytes
     * @param hints    metadata from the publication event; it wins over what the text says
     */
    public ParsedReport read(byte[] document, ReportMetadata hints) throws UnreadableDocumentException {
        throw new UnsupportedOperationException("parser not written yet");
    }
}
