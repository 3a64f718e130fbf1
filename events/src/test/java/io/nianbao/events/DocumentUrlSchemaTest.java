package io.nianbao.events;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentUrl added to report.ingested, report.parsed and report.validated keeps their
 * subjects BACKWARD compatible: the new schema reads records written before it had the field.
 */
class DocumentUrlSchemaTest {

    static List<Schema> schemasWithDocumentUrl() {
        return List.of(ReportIngested.getClassSchema(), ReportParsed.getClassSchema(), ReportValidated.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("schemasWithDocumentUrl")
    void readsRecordsWrittenWithoutIt(Schema current) {
        Schema before = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false,
                current.getFields().stream().filter(f -> !f.name().equals("documentUrl")).map(f -> new Schema.Field(f, f.schema())).toList());

        assertThat(before.getFields()).hasSize(current.getFields().size() - 1);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, before).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(current.getField("documentUrl").defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
    }
}
