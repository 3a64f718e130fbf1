package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackLifecycleTest {

    @Test
    void closeLeavesNoChildAndARestartKeepsTheData(@TempDir Path dir) throws Exception {
        List<ProcessHandle> children;
        try (LocalStack stack = LocalStack.builder(dir).partitions(2).start()) {
            children = stack.processes();
            assertThat(children).allMatch(ProcessHandle::isAlive);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 3, (short) 1))).all().get();
            }
        }
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(dir.resolve("kafka.log")).exists();
        assertThat(dir.resolve("registry.log")).exists();

        // Other ports this time: the stored KRaft metadata must not pin the old ones.
        try (LocalStack again = LocalStack.start(dir);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        again.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains("kept");
        }
    }

    @Test
    void stopsAChildThatADeadJvmLeftBehind(@TempDir Path dir) throws Exception {
        Process leftover = new ProcessBuilder("sleep", "60").start();
        ProcessHandle handle = leftover.toHandle();
        Files.writeString(dir.resolve("registry.pid"), handle.pid() + " " + handle.info().startInstant().orElseThrow());
        Files.writeString(dir.resolve("kafka.pid"), "1 1970-01-01T00:00:00Z"); // a reused pid: left alone

        ChildProcess.stopOrphans(dir);

        assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(1)).isPresent();
    }
}
