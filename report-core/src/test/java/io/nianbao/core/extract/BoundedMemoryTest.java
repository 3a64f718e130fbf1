package io.nianbao.core.extract;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.extract.HostileDocuments.Hostile;
import io.nianbao.core.model.ReportMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading limits hold in a small heap: every hostile document is read, one after the other,
 * by a JVM of {@value #HEAP} that exits on its first OutOfMemoryError, and each is refused as too
 * complex. Without the limits each of them needs gigabytes (raising a heap is no guard against a
 * small document of enormous complexity).
 */
class BoundedMemoryTest {

    /** Far less than parse-service's whole heap (112 MB), which also holds Spring and Kafka. */
    static final String HEAP = "-Xmx48m";

    @Test
    void everyHostileDocumentIsRefusedByAJvmOfASmallHeap(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), ReadEach.class.getName()));
        for (Hostile hostile : HostileDocuments.all().values()) {
            Path file = dir.resolve(hostile.name());
            Files.write(file, hostile.bytes());
            command.add(file.toString());
        }
        Path output = dir.resolve("output.txt");
        Process reader = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean exited = reader.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            reader.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertThat(exited).as("the reader JVM ended; it printed:\n" + printed).isTrue();
        assertThat(reader.exitValue()).as("exit value (3: out of memory); it printed:\n" + printed).isZero();
        for (Hostile hostile : HostileDocuments.all().values()) {
            assertThat(printed).as(printed).contains(hostile.name() + "\tTOO_COMPLEX\t");
        }
    }

    /** Reads each file named and prints its name and the reason it was refused for, or READ. */
    public static final class ReadEach {
        public static void main(String[] files) throws IOException {
            ReportReader reader = new ReportReader();
            for (String name : files) {
                Path file = Path.of(name);
                String outcome;
                try {
                    reader.read(Files.readAllBytes(file), ReportMetadata.UNKNOWN);
                    outcome = "READ\t";
                } catch (UnreadableDocumentException e) {
                    outcome = e.reason() + "\t" + e.chineseMessage();
                }
                System.out.write((file.getFileName() + "\t" + outcome + "\n").getBytes(StandardCharsets.UTF_8));
                System.out.flush();
            }
        }
    }
}
