package io.nianbao.ingest;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where request bodies and downloads are written as they arrive, so that a document is in the
 * heap only once it is whole and its memory is held ({@link io.nianbao.service.DocumentMemory}):
 * a directory of this instance's under {@code nianbao.ingest.incoming-dir}, emptied when it
 * stops. Each request gets a directory of its own inside, deleted when the request is done.
 */
@Component
public class Incoming implements DisposableBean {

    private final Path directory;

    public Incoming(IngestProperties properties) {
        try {
            Files.createDirectories(properties.incomingDir());
            this.directory = Files.createTempDirectory(properties.incomingDir(), "ingest-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in " + properties.incomingDir(), e);
        }
    }

    /** A new empty directory, for one request's body and the parts spooled from it. */
    public Path newDirectory() throws IOException {
        return Files.createTempDirectory(directory, "request-");
    }

    /** A new empty file, for one download. */
    public Path newFile() throws IOException {
        return Files.createTempFile(directory, "download-", ".bin");
    }

    /** Deletes a directory {@link #newDirectory()} gave, with what is in it. */
    public void delete(Path requestDirectory) {
        try {
            FileSystemUtils.deleteRecursively(requestDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + requestDirectory, e);
        }
    }

    @Override
    public void destroy() throws IOException {
        FileSystemUtils.deleteRecursively(directory);
    }
}
