package io.nianbao.ingest.fetch;

import io.nianbao.core.extract.TextDecoder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images standing in the tables of an HTML page (a report's table published as a picture),
 * and the page with them put in as data: URIs, so that reading it, by OCR too, needs no network.
 * Only the {@code src} values change; the page is then stored as UTF-8 with a byte-order mark,
 * which the reader's {@link TextDecoder} takes before any charset the page declares. The same page
 * and images always give the same bytes.
 */
final class TableImages {

    /** Where an image's source stands in the page's text, and the URL it names. */
    private record Source(URI url, int start, int end, boolean quoted) {
    }

    /** An image as fetched: its media type and bytes. */
    record Image(String mediaType, byte[] bytes) {

        /** The characters it takes in the page as a data: URI, quotes included. */
        long inlinedLength() {
            return dataUri().length() + 2L;
        }

        String dataUri() {
            return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String html;
    private final List<Source> sources;

    private TableImages(String html, List<Source> sources) {
        this.html = html;
        this.sources = sources;
    }

    /**
     * The first {@code max} images inside the page's tables that name an http(s) URL (resolved
     * against {@code pageUrl} and the page's base), in document order; none when the page does not decode.
     */
    static TableImages of(byte[] page, URI pageUrl, int max) {
        String html = TextDecoder.decode(page, true);
        if (html == null) {
            return new TableImages("", List.of());
        }
        Document doc = Jsoup.parse(html, pageUrl.toString(), Parser.htmlParser().setTrackPosition(true));
        List<Source> sources = new ArrayList<>();
        for (Element img : doc.select("table img[src]")) {
            String url = img.absUrl("src");
            Range value = img.attributes().sourceRange("src").valueRange();
            if (sources.size() < max && url.matches("(?i)https?://.*") && value.isTracked()) {
                int start = value.startPos();
                boolean quoted = start > 0 && (html.charAt(start - 1) == '"' || html.charAt(start - 1) == '\'');
                try {
                    sources.add(new Source(URI.create(url), start, value.endPos(), quoted));
                } catch (IllegalArgumentException notAUri) {
                    // A source no browser could load either: left as it is.
                }
            }
        }
        return new TableImages(html, sources);
    }

    /** The distinct URLs of the images, in document order. */
    Set<URI> urls() {
        Set<URI> urls = new LinkedHashSet<>();
        sources.forEach(source -> urls.add(source.url()));
        return urls;
    }

    /** How many of the images name {@code url}. */
    long uses(URI url) {
        return sources.stream().filter(source -> source.url().equals(url)).count();
    }

    /** The bytes of the page as it is stored, before any image is put in. */
    long storedLength() {
        return UTF8_BOM.length + (long) html.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The page, UTF-8 with a byte-order mark, each image of {@code fetched} in place of its URL. */
    byte[] inlined(Map<URI, Image> fetched) {
        StringBuilder page = new StringBuilder(html);
        List<Source> lastFirst = new ArrayList<>(sources);
        lastFirst.sort(Comparator.comparingInt(Source::start).reversed());
        for (Source source : lastFirst) {
            Image image = fetched.get(source.url());
            if (image != null) {
                String uri = image.dataUri();
                page.replace(source.start(), source.end(), source.quoted() ? uri : '"' + uri + '"');
            }
        }
        byte[] text = page.toString().getBytes(StandardCharsets.UTF_8);
        byte[] stored = new byte[UTF8_BOM.length + text.length];
        System.arraycopy(UTF8_BOM, 0, stored, 0, UTF8_BOM.length);
        System.arraycopy(text, 0, stored, UTF8_BOM.length, text.length);
        return stored;
    }
}
