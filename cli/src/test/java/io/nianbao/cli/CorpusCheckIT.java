package io.nianbao.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@code ../shared/tools/corpus-check} from the project root on {@code ../shared/corpus} and
 * {@code ../shared/corpus-wild}: every report through {@code ./nianbao check}, compared with its
 * golden file, and not one cell silently wrong nor one false accusation on the trust line. Runs
 * after {@code package} (failsafe),
 * when the launcher finds cli/target/nianbao-cli.jar and cli/target/lib/. Skipped where the shared
 * folder or python3 is absent, as on a user's machine.
 */
class CorpusCheckIT {

    private static final Path HOME = Path.of(System.getProperty("nianbao.home", "..")).toAbsolutePath().normalize();
    private static final Path TOOL = HOME.resolve("../shared/tools/corpus-check").normalize();
    private static final List<String> FOLDERS = List.of("../shared/corpus", "../shared/corpus-wild");
    /** The tool allows each report 300 s; this only stops a hung run. */
    private static final long TIMEOUT_MINUTES = 15;
    /** What the launcher prints to stderr when it builds before running. */
    private static final String BUILDING = "正在构建";

    @Test
    void everyCorpusReportMatchesItsGoldenFile() throws Exception {
        assumeTrue(Files.isRegularFile(TOOL), "no " + TOOL);
        assumeTrue(python3Runs(), "no python3 on PATH");
        warnIfTheLauncherRebuilds();

        List<String> command = new ArrayList<>(List.of("python3", TOOL.toString()));
        FOLDERS.stream().filter(folder -> Files.isDirectory(HOME.resolve(folder))).forEach(command::add);
        Run run = run(command);
        System.out.println("corpus-check:\n" + String.join("\n", run.lines()));

        assertThat(run.lines()).as("corpus-check output").isNotEmpty();
        assertThat(run.lines().getLast()).as("closing line").matches("\\d+ passed, 0 failed");
        assertThat(run.lines()).as("trust line").anySatisfy(line -> assertThat(line).startsWith("trust:")
                .contains(" 0 silently wrong", " 0 false accusations"));
        assertThat(run.exit()).as("corpus-check exit code").isZero();
    }

    /**
     * The launcher rebuilds when a source or pom is newer than the jar; the jar plugin keeps an
     * unchanged jar's old date, so that can happen inside the test. The probe exits 2 (no file).
     */
    private static void warnIfTheLauncherRebuilds() throws Exception {
        Run probe = run(List.of(HOME.resolve("nianbao").toString(), "check"));
        if (probe.lines().stream().anyMatch(l -> l.contains(BUILDING))) {
            System.out.println("WARNING: ./nianbao rebuilt the CLI inside the test (a source or pom is newer than "
                    + "cli/target/nianbao-cli.jar) and may do so for every report; -Dmaven.jar.forceCreation avoids it.");
        }
    }

    private record Run(int exit, List<String> lines) {
    }

    /** Runs a command in the project root, stdout and stderr together, bounded in time. */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("corpus-check", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(HOME.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_MINUTES + " min:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), Files.readAllLines(log, StandardCharsets.UTF_8));
        } finally {
            Files.delete(log);
        }
    }

    private static boolean python3Runs() throws InterruptedException {
        try {
            return run(List.of("python3", "--version")).exit() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
