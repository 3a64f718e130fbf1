package io.nianbao.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceFleetTest {

    @Test
    void theServicesJvmOptionsAreAcceptedByThisJdk() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ServiceFleet.serviceJvmArgs("validate-service", Runtime.version().feature()));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
    }

    @Test
    void optionsOfLaterJdksAreLeftOutOnJdk21() {
        assertThat(ServiceFleet.serviceJvmArgs("parse-service", 21)).contains("-XX:TieredStopAtLevel=1", "-Xms64m", "-XX:+UseSerialGC",
                        ServiceFleet.NIO_BUFFER_CACHE_LIMIT, ServiceFleet.NATIVE_ACCESS)
                .noneMatch(arg -> arg.contains("TrimNativeHeap") || arg.contains("CompactObjectHeaders"));
        assertThat(ServiceFleet.serviceJvmArgs("parse-service", 25)).contains("-XX:TrimNativeHeapInterval=10000", "-XX:+UseCompactObjectHeaders");
    }

    @Test
    void everyServiceEndsOnItsFirstOutOfMemoryError() {
        for (String service : ServiceFleet.SERVICES) {
            assertThat(ServiceFleet.serviceJvmArgs(service, 21)).as(service).contains("-XX:+ExitOnOutOfMemoryError");
        }
    }

    @Test
    void eachServiceHasTheHeapCeilingItsStateAndNativeMemoryNeed() {
        assertThat(ServiceFleet.serviceJvmArgs("parse-service", 25)).contains("-Xmx112m");
        assertThat(ServiceFleet.serviceJvmArgs("ingest-service", 25)).contains("-Xmx120m", "-XX:NewRatio=3").doesNotContain("-Xmx112m");
        assertThat(ServiceFleet.serviceJvmArgs("validate-service", 25)).contains("-Xmx96m").doesNotContain("-Xmx112m");
    }
}
