package io.nianbao.ingest.http;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a multipart upload from the body {@link SpooledBody} spooled, streaming each file part
 * into a file of its own beside it: a document reaches the heap only when the intake reads it.
 * Form fields are short (at most {@value #MAX_FIELD_BYTES} bytes each).
 */
public final class SpooledMultipartResolver implements MultipartResolver {

    static final int MAX_FIELD_BYTES = 16 * 1024;

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        Path directory = SpooledBody.directoryOf(request);
        MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        Map<String, String> contentTypes = new HashMap<>();
        try {
            FileItemIterator items = new FileUpload().getItemIterator(new UploadContext() {
                @Override
                public String getCharacterEncoding() {
                    return request.getCharacterEncoding();
                }

                @Override
                public String getContentType() {
                    return request.getContentType();
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    return request.getInputStream();
                }

                @Override
                public long contentLength() {
                    return request.getContentLengthLong();
                }
            });
            int part = 0;
            while (items.hasNext()) {
                FileItemStream item = items.next();
                try (InputStream in = item.openStream()) {
                    if (item.isFormField()) {
                        byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
                        if (value.length > MAX_FIELD_BYTES) {
                            throw new MaxUploadSizeExceededException(MAX_FIELD_BYTES);
                        }
                        fields.add(item.getFieldName(), new String(value, StandardCharsets.UTF_8));
                    } else {
                        Path file = directory.resolve("part-" + part++);
                        Files.copy(in, file);
                        files.add(item.getFieldName(), new SpooledPart(item.getFieldName(), item.getName(), item.getContentType(), file));
                        contentTypes.put(item.getFieldName(), item.getContentType());
                    }
                }
            }
        } catch (IOException e) {
            throw new MultipartException("malformed multipart body: " + e.getMessage(), e);
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        fields.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return new DefaultMultipartHttpServletRequest(request, files, parameters, contentTypes);
    }

    @Override
    public void cleanupMultipart(MultipartHttpServletRequest request) {
        // The parts are in the request's directory, which SpooledBody deletes.
    }

    /** A file part, on disk. */
    record SpooledPart(String getName, String getOriginalFilename, String getContentType, Path file) implements MultipartFile {

        @Override
        public boolean isEmpty() {
            return getSize() == 0;
        }

        @Override
        public long getSize() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public byte[] getBytes() throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void transferTo(File dest) throws IOException {
            Files.copy(file, dest.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
