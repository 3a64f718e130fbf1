package io.nianbao.parse;

import io.nianbao.service.NianbaoServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service started without a broker address or registry URL says which setting is wrong, in one paragraph. */
@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTest {

    @Test
    void aBlankBrokerAddressStopsTheServiceNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> NianbaoServices.run(ParseServiceApplication.class,
                "--NIANBAO_KAFKA_BOOTSTRAP_SERVERS=", "--server.port=0")).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START", "Property: nianbao.kafka.bootstrapServers", "Value: \"\"",
                        "must name the Kafka brokers as host:port[,host:port…] (NIANBAO_KAFKA_BOOTSTRAP_SERVERS)")
                .doesNotContain("NIANBAO_SCHEMA_REGISTRY_URL)");
    }

    @Test
    void aRegistryUrlThatIsNoUrlStopsTheServiceNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> NianbaoServices.run(ParseServiceApplication.class,
                "--NIANBAO_SCHEMA_REGISTRY_URL=registry:8081", "--server.port=0")).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START", "Property: nianbao.schemaRegistry.url",
                        "must be an http(s) URL (NIANBAO_SCHEMA_REGISTRY_URL)");
    }
}
