package io.nianbao.ingest.intake;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.extract.DocumentType;
import io.nianbao.core.extract.TextDecoder;
import io.nianbao.ingest.IngestProperties;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks at the bytes, not at what the portal says: the kind of document as the parser itself will
 * tell it ({@link DocumentType}, so nothing is accepted here that parse-service then cannot place;
 * a JPG, PNG or TIFF goes on with its media type, for OCR),
 * whether text and HTML decode (BOM, declared charset, UTF-8, else GB18030: the parser's own
 * {@link TextDecoder}), whether a DOCX inflates within limits (entries, total size, ratio)
 * before the parser opens it, and the reading limits that show on the bytes
 * ({@link ReportReader#checkShape}: a PDF's structure, an HTML page's elements, a text's length),
 * so that the portal hears TOO_COMPLEX in its answer rather than a rejection later. Tika only names a type the parser does not read, for the rejection:
 * its ~1,500 magic patterns took two fifths of ingest's CPU under load (JFR), ~2 ms a document.
 */
@Component
public class DocumentInspector {

    private final Tika tika = new Tika();
    private final IngestProperties.Docx limits;

    public DocumentInspector(IngestProperties properties) {
        this.limits = properties.docx();
    }

    /**
     * What the inspection found: the media type of a document the parser can take, or why it
     * cannot (one of them null).
     */
    public record Inspection(String mediaType, IntakeResult.Rejected refused) {

        static Inspection readable(String mediaType) {
            return new Inspection(mediaType, null);
        }

        static Inspection refused(String reason, String message, int httpStatus) {
            return new Inspection(null, new IntakeResult.Rejected(reason, message, httpStatus));
        }
    }

    /** The document's media type if the parser can take it, or why not. */
    public Inspection inspect(byte[] document) {
        DocumentType type = DocumentType.detect(document);
        String mediaType = DocumentType.mediaTypeOf(document);
        if (mediaType == null) {
            return Inspection.refused("UNSUPPORTED_TYPE", "不支持的文件类型（" + tika.detect(document)
                    + "），请提交HTML、PDF、DOC/DOCX或文本格式的年度报告，或其扫描图片（JPG、PNG、TIFF）", 415);
        }
        if ((type == DocumentType.TEXT || type == DocumentType.HTML) && !TextDecoder.decodes(document, type == DocumentType.HTML)) {
            return Inspection.refused("BAD_CHARSET", "文本编码无法识别：既不是有效的UTF-8，也不是GB18030（GBK）编码", 422);
        }
        Inspection inflation = type == DocumentType.DOCX ? inflation(document) : null;
        if (inflation != null) {
            return inflation;
        }
        try {
            ReportReader.checkShape(document);
        } catch (UnreadableDocumentException e) {
            return Inspection.refused(e.reason().name(), e.chineseMessage(), 422);
        }
        return Inspection.readable(mediaType);
    }

    /** Inflates every entry, counting what comes out, and stops at the first limit crossed: null when none is. */
    private Inspection inflation(byte[] document) {
        long maxTotal = Math.min(limits.maxUncompressedSize().toBytes(), (long) limits.maxCompressionRatio() * document.length);
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(document))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    return bomb("条目超过" + limits.maxEntries() + "个");
                }
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxTotal) {
                        return bomb("解压后超过%d字节（压缩比上限%d:1，总量上限%d字节）".formatted(
                                maxTotal, limits.maxCompressionRatio(), limits.maxUncompressedSize().toBytes()));
                    }
                }
            }
        } catch (IOException e) {
            return Inspection.refused("CORRUPT", "DOCX文件已损坏，无法解压：" + e.getMessage(), 422);
        }
        return null;
    }

    private static Inspection bomb(String why) {
        return Inspection.refused("ZIP_BOMB", "DOCX文件解压异常，疑似压缩炸弹：" + why, 422);
    }
}
