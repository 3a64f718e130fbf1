package io.nianbao.service;

import io.nianbao.events.ReportIngested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentStoreTest {

    @TempDir
    Path root;

    @Test
    void aStoredDocumentIsReadBackWhole() {
        byte[] document = new byte[3 * 64 * 1024 + 123]; // several read steps and a partial one
        new Random(7).nextBytes(document);
        DocumentStore store = new DocumentStore(root);

        String ref = store.put("abc", document);

        assertThat(store.contentOf(byReference(ref))).isEqualTo(document);
    }

    @Test
    void aMissingDocumentNamesItsReference() {
        assertThatThrownBy(() -> new DocumentStore(root).contentOf(byReference("store:nowhere")))
                .hasMessageContaining("store:nowhere");
    }

    private static ReportIngested byReference(String ref) {
        return ReportIngested.newBuilder().setReportId("r").setAgencyId("a").setMediaType("application/pdf")
                .setSha256("abc").setSizeBytes(0).setDocumentRef(ref).setIngestedAt(Instant.now()).build();
    }
}
