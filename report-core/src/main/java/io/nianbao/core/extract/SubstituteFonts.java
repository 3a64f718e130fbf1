package io.nianbao.core.extract;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font PDFBox substitutes for one a PDF names but does not embed (or whose program is not
 * loaded, PdfExtractor): always its bundled last-resort font. Its own mapper looks the font up
 * among the system's: a scan of every font file on first use, then, for a Chinese font, a system
 * CJK font of tens of MB loaded for glyph outlines that text extraction never draws. Text comes
 * from the PDF's own encodings and ToUnicode maps, widths from its own tables.
 */
final class SubstituteFonts implements FontMapper {

    private static final String LAST_RESORT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final TrueTypeFont lastResort;

    private SubstituteFonts() {
        try (InputStream in = FontMapper.class.getResourceAsStream(LAST_RESORT)) {
            if (in == null) {
                throw new IOException(LAST_RESORT + " is not in PDFBox's jar");
            }
            lastResort = new TTFParser().parse(RandomAccessReadBuffer.createBufferFromStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes it PDFBox's mapper for the whole JVM (PDFBox has one); idempotent. */
    static synchronized void install() {
        if (!(FontMappers.instance() instanceof SubstituteFonts)) {
            FontMappers.set(new SubstituteFonts());
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(lastResort, true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(lastResort, true);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, lastResort, true);
    }
}
