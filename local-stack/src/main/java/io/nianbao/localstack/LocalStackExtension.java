package io.nianbao.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link LocalStack} per test JVM, started by the first test class that uses
 * {@code @ExtendWith(LocalStackExtension.class)} and stopped when the whole run ends (it lives in
 * the root store, which closes {@link AutoCloseable} values). Tests get it as a {@link LocalStack}
 * parameter or through {@link #stack()}.
 *
 * <p>Data goes to a fresh {@code <nianbao.localstack.dir>/run-<pid>} (default
 * {@code target/local-stack}, relative to the module), so parallel forks do not collide; folders
 * of finished runs (and any child a killed run left behind) are deleted at the next start.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);
    private static volatile LocalStack stack;

    /** The running stack; only valid in a test class extended with this extension. */
    public static LocalStack stack() {
        LocalStack current = stack;
        if (current == null) {
            throw new IllegalStateException("no local stack: annotate the test class with "
                    + "@ExtendWith(LocalStackExtension.class)");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stackOf(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Not stack(): with a per-class lifecycle the constructor is resolved before beforeAll.
        return stackOf(context);
    }

    private static LocalStack stackOf(ExtensionContext context) {
        LocalStack started = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(LocalStack.class, key -> startFresh(), LocalStack.class);
        stack = started;
        return started;
    }

    private static LocalStack startFresh() {
        Path base = Path.of(System.getProperty("nianbao.localstack.dir", "target/local-stack")).toAbsolutePath();
        try {
            deleteFinishedRuns(base);
            Path dir = base.resolve("run-" + ProcessHandle.current().pid());
            deleteRecursively(dir); // a leftover of an earlier JVM that had the same pid
            return LocalStack.start(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteFinishedRuns(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> runs = Files.list(base)) {
            for (Path run : runs.toList()) {
                String name = run.getFileName().toString();
                if (name.matches("run-\\d+")
                        && !ProcessHandle.of(Long.parseLong(name.substring(4))).map(ProcessHandle::isAlive).orElse(false)) {
                    ChildProcess.stopOrphans(run);
                    deleteRecursively(run);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
