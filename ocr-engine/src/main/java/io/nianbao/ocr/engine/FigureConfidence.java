package io.nianbao.ocr.engine;

/**
 * How sure the figure decoding ({@link LineReading#figure()}) is of one character, from the
 * recogniser's probabilities at a step that gives it; the character takes the best of its steps,
 * a figure the least of its characters. {@link PaddleOcr#load()} reads with {@link CtcDecoder#CALIBRATED};
 * other measures are for measuring against it (samples' {@code OcrConfidenceMeasurement}).
 */
@FunctionalInterface
public interface FigureConfidence {

    /**
     * The probabilities of one step, each 0 to 1.
     *
     * @param figure   the figure character chosen: the most probable of the digits, '.', ',' and '-'
     * @param runnerUp the next most probable of those characters
     * @param figures  all of those characters together, {@code figure} included
     * @param blank    CTC's blank
     */
    record Step(double figure, double runnerUp, double figures, double blank) {
    }

    double of(Step step);
}
