package io.nianbao.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    /** Refused before anything starts: no JMH run, no stack. */
    @ParameterizedTest
    @CsvSource({"--rate,x", "--reports,0", "--reports,-5"})
    void aLoadThatIsNotAPositiveNumberIsRefusedInChinese(String option, String value) throws Exception {
        PrintStream console = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(BenchCommand.run(new String[]{"--quick", option, value})).isEqualTo(2);
        } finally {
            System.setErr(console);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(option + " 后应为正整数", "「" + value + "」");
    }
}
