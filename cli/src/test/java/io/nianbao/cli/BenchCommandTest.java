package io.nianbao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @Test
    void aSecondBenchWhileOneRunsIsRefused(@TempDir Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve(".nianbao-data").resolve("bench"));
        String before = System.getProperty("nianbao.home");
        System.setProperty("nianbao.home", home.toString());
        try (FileChannel running = FileChannel.open(dir.resolve("bench.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = running.lock()) {
            assertThat(held.isValid()).isTrue();
            String err = errorOutput(() -> assertThat(BenchCommand.run(new String[]{"--quick"})).isEqualTo(1));
            assertThat(err).contains("另一个 nianbao bench 正在运行");
        } finally {
            if (before == null) {
                System.clearProperty("nianbao.home");
            } else {
                System.setProperty("nianbao.home", before);
            }
        }
    }

    /** Refused before anything starts: no JMH run, no stack. */
    @ParameterizedTest
    @CsvSource({"--rate,x", "--reports,0", "--reports,-5"})
    void aLoadThatIsNotAPositiveNumberIsRefusedInChinese(String option, String value) throws Exception {
        String err = errorOutput(() -> assertThat(BenchCommand.run(new String[]{"--quick", option, value})).isEqualTo(2));

        assertThat(err).contains(option + " 后应为正整数", "「" + value + "」");
    }

    private interface Call {
        void run() throws Exception;
    }

    private static String errorOutput(Call call) throws Exception {
        PrintStream console = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setErr(console);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
