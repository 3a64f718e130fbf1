package io.nianbao.samples;

import io.nianbao.core.ReportReader;
import io.nianbao.core.extract.DocumentType;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents written once from a sample by another program (documents/README.md) read as the sample. */
class RenderedDocumentsTest {

    private final ReportReader reader = new ReportReader();

    /** A DOC of the sample report's portal page (written by LibreOffice, see documents/README.md) reads as the page does. */
    @Test
    void docReadsLikeThePageItWasWrittenFrom() throws Exception {
        byte[] doc;
        try (var in = getClass().getResourceAsStream("/documents/sample-gb2021.doc")) {
            doc = in.readAllBytes();
        }
        ParsedReport fromDoc = reader.read(doc, ReportMetadata.UNKNOWN);
        ParsedReport fromPage = reader.read(PortalPage.gbk(SampleReports.consistentGb2021()), ReportMetadata.UNKNOWN);
        assertThat(DocumentType.detect(doc)).isEqualTo(DocumentType.DOC);
        assertThat(fromDoc.meta()).isEqualTo(fromPage.meta());
        assertThat(fromDoc.proactive()).isEqualTo(fromPage.proactive());
        assertThat(fromDoc.applications()).isEqualTo(fromPage.applications());
        assertThat(fromDoc.reviewLitigation()).isEqualTo(fromPage.reviewLitigation());
        assertThat(fromDoc.parseFindings()).isEmpty();
    }

}
