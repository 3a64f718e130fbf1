package io.nianbao.ingest;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses multipart uploads from the body {@link BufferedBody} already holds, in memory. */
final class BufferedMultipartResolver implements MultipartResolver {

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        byte[] body = BufferedBody.of(request);
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
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public long contentLength() {
                    return body.length;
                }
            });
            while (items.hasNext()) {
                FileItemStream item = items.next();
                byte[] content;
                try (InputStream in = item.openStream()) {
                    content = in.readAllBytes();
                }
                if (item.isFormField()) {
                    fields.add(item.getFieldName(), new String(content, StandardCharsets.UTF_8));
                } else {
                    files.add(item.getFieldName(), new InMemoryFile(item.getFieldName(), item.getName(), item.getContentType(), content));
                    contentTypes.put(item.getFieldName(), item.getContentType());
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
        // Nothing on disk.
    }

    private record InMemoryFile(String getName, String getOriginalFilename, String getContentType, byte[] getBytes)
            implements MultipartFile {

        @Override
        public boolean isEmpty() {
            return getBytes.length == 0;
        }

        @Override
        public long getSize() {
            return getBytes.length;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(getBytes);
        }

        @Override
        public void transferTo(File dest) throws IOException {
            Files.write(dest.toPath(), getBytes);
        }
    }
}
