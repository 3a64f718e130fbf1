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

    /** What a JVM running only the reader keeps besides: classes' statics, PDFBox's fonts, the test's own. */
    private static final long READER_BASELINE = 16L * 1024 * 1024;

    /**
     * The heap {@link ReadingLimits#heapToRead} reserves is enough: documents as large and as
     * complex as the limits let through are each read by a JVM of that heap (and the reader's own
     * baseline) that exits on its first OutOfMemoryError. parse-service holds that much of its
     * memory budget per reading.
     */
    @Test
    void documentsAtTheLimitsAreReadWithinTheHeapTheirReadingReserves(@TempDir Path dir) throws Exception {
        for (HostileDocuments.Hostile worst : HostileDocuments.atTheLimits()) {
            long heap = ReadingLimits.heapToRead(DocumentType.detect(worst.bytes()), worst.bytes().length) + READER_BASELINE;
            Path file = dir.resolve(worst.name());
            Files.write(file, worst.bytes());
            Path output = dir.resolve(worst.name() + ".txt");
            Process reader = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap / 1024 + "k",
                    "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    ReadEach.class.getName(), file.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean exited = reader.waitFor(5, TimeUnit.MINUTES);
            if (!exited) {
                reader.destroyForcibly();
            }
            String printed = Files.readString(output);
            assertThat(exited && reader.exitValue() == 0).as(worst + " in " + heap / (1024 * 1024) + " MB:\n" + printed).isTrue();
            assertThat(printed).as(worst.name()).contains(worst.name() + "\t" + worst.limit());
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
