package io.nianbao.service;

import io.nianbao.events.ReportIngested;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Claim check for documents too large to travel inside an event: stored once under their SHA-256,
 * the event carries the reference. A directory every service instance can read (a shared volume
 * in production, a local folder for the embedded default).
 */
public final class DocumentStore {

    private static final String SCHEME = "store:";
    private static final int READ_STEP = 64 * 1024;

    private final Path root;

    public DocumentStore(Path root) {
        this.root = root;
    }

    /** Stores the document (idempotently) and returns its reference. */
    public String put(String sha256, byte[] document) {
        try {
            Files.createDirectories(root);
            Path target = root.resolve(sha256);
            if (!Files.exists(target)) {
                // Write then rename, so a reader never sees half a document.
                Path partial = Files.createTempFile(root, sha256, ".partial");
                Files.write(partial, document);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return SCHEME + sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + sha256 + " under " + root, e);
        }
    }

    /** The document of an ingested report, inline or from the store. */
    public byte[] contentOf(ReportIngested report) {
        if (report.getDocument() != null) {
            ByteBuffer inline = report.getDocument().duplicate();
            byte[] bytes = new byte[inline.remaining()];
            inline.get(bytes);
            return bytes;
        }
        String ref = report.getDocumentRef();
        if (ref == null || !ref.startsWith(SCHEME)) {
            throw new IllegalArgumentException("report " + report.getReportId() + " has neither a document nor a store reference");
        }
        try {
            return readInSteps(root.resolve(ref.substring(SCHEME.length())));
        } catch (IOException e) {
            throw new UncheckedIOException("document " + ref + " missing from " + root, e);
        }
    }

    /**
     * The file in 64 KB reads: one read of the whole file (Files.readAllBytes) borrows a native
     * buffer of its size for the copy, which for a 17 MB document raised parse-service's resident
     * memory by as much again, beside the heap.
     */
    private static byte[] readInSteps(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(file + " is too large to read: " + size + " bytes");
        }
        byte[] bytes = new byte[(int) size];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = 0, n; read < bytes.length; read += n) {
                n = in.read(bytes, read, Math.min(READ_STEP, bytes.length - read));
                if (n < 0) {
                    throw new IOException(file + " ended after " + read + " of " + size + " bytes");
                }
            }
        }
        return bytes;
    }
}
