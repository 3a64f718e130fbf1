package io.nianbao.core.extract;

import io.nianbao.core.UnreadableDocumentException;

import java.time.Duration;

/**
 * The limits a document is read within, whatever its shape, and the count of one reading against
 * them. An annual report has tens of pages, three small tables and some tens of thousands of
 * characters; each limit is far above that and far below what would take the reader's memory or
 * time: a document beyond one is not a report, and is refused as too complex
 * ({@link LimitExceeded}) before it can cost more. Size alone is no guard: a small document can be
 * enormously complex (a page tree of 100,000 pages in 17 MB, a stream that inflates a
 * thousandfold).
 *
 * <p>Not thread-safe: one instance per reading.
 */
public final class ReadingLimits {

    /** Pages of a PDF. */
    public static final int MAX_PAGES = 200;
    /** Objects of a PDF, those inside object streams included. */
    public static final int MAX_PDF_OBJECTS = 100_000;
    /** Arrays and dictionaries inside each other in a PDF; elements inside each other in a DOCX. */
    public static final int MAX_NESTING = 100;
    /** Bytes one stream of a PDF (content, font, object stream) inflates to; images are never inflated. */
    public static final long MAX_STREAM_BYTES = 24L * 1024 * 1024;
    /** Bytes all streams of a PDF inflate to together. */
    public static final long MAX_INFLATED_BYTES = 128L * 1024 * 1024;
    /**
     * Bytes of embedded font programs a PDF reading loads, the largest left out first: Word and
     * WPS embed subsets of some hundred KB; a whole CJK font (10 MB and more) would take 40 MB.
     */
    public static final long MAX_FONT_BYTES = 4L * 1024 * 1024;
    /** Glyphs drawn on one PDF page: a dense page of text has a few thousand. */
    public static final int MAX_GLYPHS_PER_PAGE = 50_000;
    /**
     * Elements of an HTML page: a portal's report page has one or two thousand, a Word-exported
     * one some thousands. jsoup holds the page's whole tree: 50,000 elements in 8 MB take ~40 MB.
     */
    public static final int MAX_ELEMENTS = 50_000;
    /** Bytes of an HTML page (the largest real report page seen: 268 KB), for the same reason. */
    public static final int MAX_HTML_BYTES = 8 * 1024 * 1024;
    /** Table cells, spans counted as the cells they cover. */
    public static final int MAX_CELLS = 50_000;
    /** Bytes of a DOC (Word 97): POI holds the file, its streams and its text several times over. */
    public static final int MAX_DOC_BYTES = 8 * 1024 * 1024;
    /**
     * Characters of text read from a document: a long report has tens of thousands. Its prose
     * travels in report.parsed, whose record must stay within Kafka's 1 MB: 200,000 Chinese
     * characters are 600 KB of it.
     */
    public static final int MAX_CHARS = 200_000;
    /**
     * Images of one document read by OCR ({@link DocumentImages}): pages of a scan, pictures of a
     * Word document or an HTML page. A scanned report has some tens of pages; each image costs
     * OCR seconds.
     */
    public static final int MAX_IMAGES = 40;
    /**
     * Pixels of one image, read from its header before it is decoded: a 600 dpi scan of an A4 page
     * has 35 million; a PNG of a few KB can declare billions (a decompression bomb).
     */
    public static final long MAX_IMAGE_PIXELS = 40_000_000;
    /**
     * Pixels a page is rendered to for OCR, a larger one subsampled (a PDF page rendered at a
     * lower resolution): an A4 page at 300 dpi has 8.7 million, 35 MB in memory at four bytes each
     * as an image is decoded. A long image has this many for each A4 page's height ({@link #renderedPixels}).
     */
    public static final long MAX_RENDERED_PIXELS = 10_000_000;
    /** An A4 page's height for its width: how tall a page is. */
    public static final double A4_HEIGHT_PER_WIDTH = 297.0 / 210;
    /** Bytes of one image inside a document (a DOCX part, an HTML page's data: URI), as encoded. */
    public static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;
    /** Time for one reading: within parse-service's transaction timeout (15 s) with room to spare. */
    public static final Duration MAX_TIME = Duration.ofSeconds(10);

    /**
     * The heap a reading of a document of this kind and size takes at most, the document's own
     * bytes included, as measured at the limits (README, "Limits"): a PDF twice its bytes and the
     * font programs it may load (four times {@link #MAX_FONT_BYTES}), an HTML page six times its
     * bytes (jsoup's tree), a DOC three times and POI's share of its text, a DOCX (streamed) twice
     * and its text, a text eight times (decoded, split, normalised, parsed). For a service to hold
     * before it reads.
     */
    public static long heapToRead(DocumentType type, long bytes) {
        return switch (type) {
            case PDF -> 2 * bytes + 4 * MAX_FONT_BYTES;
            case HTML -> 6 * bytes;
            case DOC -> 3 * bytes + 32L * 1024 * 1024;
            case DOCX -> 2 * bytes + 8L * 1024 * 1024;
            case TEXT -> 8 * bytes;
            case IMAGE, OTHER_ZIP, OTHER_OLE, OTHER_BINARY -> bytes;
        };
    }

    private final long deadlineNanos;
    private long chars;
    private long cells;

    private ReadingLimits(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A reading that starts now. */
    public static ReadingLimits start() {
        return until(System.nanoTime() + MAX_TIME.toNanos());
    }

    /** A reading that must end by {@code deadlineNanos} ({@link System#nanoTime()}). */
    static ReadingLimits until(long deadlineNanos) {
        return new ReadingLimits(deadlineNanos);
    }

    /** Counts characters of text read. */
    public void chars(long count) {
        chars += count;
        if (chars > MAX_CHARS) {
            throw new LimitExceeded("文字超过" + MAX_CHARS + "个字符", "more than " + MAX_CHARS + " characters");
        }
    }

    /** Counts table cells read (a span counts the cells it covers). */
    public void cells(long count) {
        cells += count;
        if (cells > MAX_CELLS) {
            throw new LimitExceeded("表格单元格超过" + MAX_CELLS + "个", "more than " + MAX_CELLS + " cells");
        }
    }

    /** Fails once the reading has taken its time. */
    public void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new LimitExceeded("读取用时超过" + MAX_TIME.toSeconds() + "秒", "reading took longer than " + MAX_TIME);
        }
    }

    /** Fails when a document has more images than {@link #MAX_IMAGES}. */
    static void checkImageCount(int images) {
        if (images > MAX_IMAGES) {
            throw new LimitExceeded("图片或扫描页超过" + MAX_IMAGES + "个", images + " images");
        }
    }

    /**
     * Pixels an image of this shape is rendered to: {@link #MAX_RENDERED_PIXELS} for each A4 page's
     * height it has for its width, so that a long image (a report's pages one under another, which
     * OCR reads in page-high strips) keeps its pages' resolution; never more than
     * {@link #MAX_IMAGE_PIXELS}, which are 40 MB in grey.
     */
    static long renderedPixels(double width, double height) {
        double pages = Math.max(1, height / (Math.max(1, width) * A4_HEIGHT_PER_WIDTH));
        return (long) Math.min(MAX_IMAGE_PIXELS, MAX_RENDERED_PIXELS * pages);
    }

    /** Fails when an image has more pixels than {@link #MAX_IMAGE_PIXELS}. */
    static void checkImagePixels(long width, long height) {
        if (width * height > MAX_IMAGE_PIXELS) {
            throw new LimitExceeded("单张图片超过" + MAX_IMAGE_PIXELS / 10_000 + "万像素", "an image of " + width + "×" + height + " pixels");
        }
    }

    /** The failure of an image inside a document of more bytes than {@link #MAX_IMAGE_BYTES}. */
    static LimitExceeded imageTooLarge(String detail) {
        return new LimitExceeded("单张图片超过" + MAX_IMAGE_BYTES / (1024 * 1024) + "MB", detail);
    }

    /** Fails when elements or arrays are nested deeper than {@link #MAX_NESTING}. */
    static void checkNesting(int depth) {
        if (depth > MAX_NESTING) {
            throw new LimitExceeded("嵌套超过" + MAX_NESTING + "层", "nested deeper than " + MAX_NESTING);
        }
    }

    /**
     * A document beyond one of the limits. Unchecked, so that it leaves the libraries' callbacks
     * (PDFBox's operators, a StAX loop) unchanged; {@link io.nianbao.core.ReportReader} turns it
     * into a rejection with reason TOO_COMPLEX ({@link #unreadable()}).
     */
    public static final class LimitExceeded extends RuntimeException {

        private final String limit;

        /**
         * @param limit  the limit crossed, in Chinese, for the portal and the inspector ("页数超过200页")
         * @param detail the same in English, for the log
         */
        public LimitExceeded(String limit, String detail) {
            super(detail, null, false, false);
            this.limit = limit;
        }

        /** The limit crossed, in Chinese. */
        public String limit() {
            return limit;
        }

        /** The refusal of the document, reason TOO_COMPLEX, naming the limit for the portal and the inspector. */
        public UnreadableDocumentException unreadable() {
            return new UnreadableDocumentException(UnreadableDocumentException.Reason.TOO_COMPLEX,
                    "文件过于复杂：" + limit + "，超出年度报告的读取限制，不予处理。", getMessage());
        }
    }
}
