package io.nianbao.ingest.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document as it arrived: on disk (an upload, a download, spooled while it came) or already in
 * memory (a report.published record). Its bytes come into the heap only when {@link #bytes()} is
 * called, which {@link ReportIntake} does once it holds the memory for them.
 */
public interface ReceivedDocument extends AutoCloseable {

    long size();

    /** The name the document came with (the upload's, the URL's last segment), or null. */
    String fileName();

    /** The bytes, in one array of exactly {@link #size()}. */
    byte[] bytes();

    /** Deletes a file the document owns. */
    @Override
    void close();

    static ReceivedDocument inMemory(byte[] bytes, String fileName) {
        return new InMemory(bytes, fileName);
    }

    /** A file that is the document; deleted on close when {@code owned}. */
    static ReceivedDocument onDisk(Path file, String fileName, boolean owned) {
        return new OnDisk(file, fileName, owned);
    }

    record InMemory(byte[] bytes, String fileName) implements ReceivedDocument {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public void close() {
        }
    }

    record OnDisk(Path file, String fileName, boolean owned) implements ReceivedDocument {
        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (owned) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
