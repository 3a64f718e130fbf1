package io.nianbao.ingest;

import io.nianbao.core.extract.TextDecoder;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks at the bytes, not at what the portal says: the media type (Tika), whether text and HTML
 * decode (BOM, declared charset, UTF-8, else GB18030: the parser's own {@link TextDecoder}), and
 * whether a DOCX inflates within limits (entries, total size, ratio) before the parser opens it.
 */
@Component
public class DocumentInspector {

    /** Media types the parser reads, as Tika names them from the bytes. */
    private static final Set<String> READABLE_TYPES = Set.of(
            "text/plain", "text/html", "application/xhtml+xml", "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/x-tika-ooxml", "application/msword", "application/x-tika-msoffice");
    private static final Set<String> ZIP_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/x-tika-ooxml");

    private final Tika tika = new Tika();
    private final IngestProperties.Docx limits;

    public DocumentInspector(IngestProperties properties) {
        this.limits = properties.docx();
    }

    /** The media type of a document the parser can take; an {@link IntakeRejection} otherwise. */
    public String mediaTypeOf(byte[] document) {
        String mediaType = textCandidate(tika.detect(document), document);
        if (!READABLE_TYPES.contains(mediaType)) {
            throw new IntakeRejection("UNSUPPORTED_TYPE",
                    "不支持的文件类型（" + mediaType + "），请提交HTML、PDF、DOC/DOCX或文本格式的年度报告", 415);
        }
        if (mediaType.startsWith("text/") || mediaType.equals("application/xhtml+xml")) {
            if (TextDecoder.decode(document, !mediaType.equals("text/plain")) == null) {
                throw new IntakeRejection("BAD_CHARSET", "文本编码无法识别：既不是有效的UTF-8，也不是GB18030（GBK）编码", 422);
            }
        } else if (ZIP_TYPES.contains(mediaType)) {
            checkInflation(document);
        }
        return mediaType;
    }

    /**
     * Tika calls text octet-stream unless it is ASCII or UTF-8: GBK text is that too. Bytes without
     * control characters are taken for text, so that the charset check decides (BAD_CHARSET).
     */
    private static String textCandidate(String detected, byte[] document) {
        if (!detected.equals("application/octet-stream")) {
            return detected;
        }
        int sample = Math.min(document.length, 64 * 1024);
        for (int i = 0; i < sample; i++) {
            int b = document[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                return detected;
            }
        }
        return "text/plain";
    }

    /** Inflates every entry, counting what comes out, and stops at the first limit crossed. */
    private void checkInflation(byte[] document) {
        long maxTotal = Math.min(limits.maxUncompressedSize().toBytes(), (long) limits.maxCompressionRatio() * document.length);
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(document))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    throw bomb("条目超过" + limits.maxEntries() + "个");
                }
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxTotal) {
                        throw bomb("解压后超过%d字节（压缩比上限%d:1，总量上限%d字节）".formatted(
                                maxTotal, limits.maxCompressionRatio(), limits.maxUncompressedSize().toBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IntakeRejection("CORRUPT", "DOCX文件已损坏，无法解压：" + e.getMessage(), 422);
        }
    }

    private static IntakeRejection bomb(String why) {
        return new IntakeRejection("ZIP_BOMB", "DOCX文件解压异常，疑似压缩炸弹：" + why, 422);
    }
}
