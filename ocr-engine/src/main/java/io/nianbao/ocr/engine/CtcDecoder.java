package io.nianbao.ocr.engine;

import io.nianbao.core.ocr.RecognisedCell;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Greedy CTC decoding of the recogniser's output (per time step, a probability for the blank and
 * for each character of PaddleOCR's dictionary): the most probable class per step, repeats and
 * blanks dropped. A character's probability is the highest it reaches over the steps that give it;
 * a reading's confidence is its least probable character's, or, for a reading of nothing, the
 * least probability the blank had, so ink the recogniser almost read is never a confident blank.
 *
 * <p>The figure reading keeps the same characters' places and puts in each the most probable of
 * the digits, '.', ',' and '-' (a space is dropped): what the recogniser would say if it knew the
 * line is a figure. How sure it is of each is a {@link FigureConfidence} of the step's
 * probabilities, {@link #CALIBRATED} unless measuring: a figure cell's "O" becomes a sure "0" (the
 * digits take nearly all that is not the letter), a serif "2" read as "N" an unsure "2" (present
 * as 0.3), a bracket a "1" of no confidence (below 0.1): a shape that is no figure character gives
 * none of them much beside the blank.
 */
final class CtcDecoder {

    private static final String FIGURE_CHARACTERS = "0123456789.,-";
    private static final int BLANK = 0;

    /**
     * Where the presence of a figure character ({@code p(d) / (p(d) + p(blank))}) is enough: the
     * blank takes about 0.1 beside a lone character, and a clear "0" of a 9 pt scan has 0.85–0.9;
     * shapes that are no figure character have 0.3 and less (a serif "2" read as "N", a bracket).
     */
    static final double PRESENT = 0.8;

    /**
     * The measure ocr-engine reads figures with, measured (docs/ocr-candidates.md, "Confidence
     * calibration"; samples' {@code OcrConfidenceMeasurement}): the lesser of which digit it is,
     * given a character ({@code p(d) / Σ p(figure)}, whose own line is {@link RecognisedCell#CONFIDENT}),
     * and whether a character is there at all ({@code p(d) / (p(d) + p(blank))}), scaled so that
     * {@link #PRESENT} falls on {@link RecognisedCell#CONFIDENT}. Over 8,910 figure cells of table
     * images and scanned reports (100–300 dpi, noise σ20, skew 3°, a phone's perspective, JPEG
     * quality 0.3), right / wrong cells per band:
     * <pre>
     *                      below 0.5  0.5–0.8  0.8–0.9  0.9–0.99  0.99–1
     * p(d)/(p(blank)+Σ)      12/0      62/1     261/0    2302/0   6269/3   (the former measure)
     * p(d)/Σ (identity)       0/0       0/1       4/0     209/0   8693/3
     * p(d)/(p(d)+p(blank))   12/0      51/1     247/0    2068/0   6528/3   (presence)
     * this measure           11/0       2/1      53/0    1523/0   7317/3
     * </pre>
     * 99.2% of cells are right and confident (the former: 96.2%; a 150 dpi scan's, 93% against 73%);
     * at 200 dpi 98.5% or more in every condition. The three wrong cells above 0.9 are signs lost
     * at 100 dpi ("-8" read "8"): no per-character measure sees a character that has no step.
     */
    static final FigureConfidence CALIBRATED = s -> Math.min(s.figure() / s.figures(),
            scaled(s.figure() / (s.figure() + s.blank()), PRESENT));

    private final List<String> alphabet;
    private final int space;
    private final int[] figureClasses;
    private final FigureConfidence figureConfidence;

    /**
     * @param dictionary       the recogniser's characters in class order (class 0, the blank, not included)
     * @param figureConfidence how sure a figure character is at one step
     */
    CtcDecoder(List<String> dictionary, FigureConfidence figureConfidence) {
        this.figureConfidence = figureConfidence;
        List<String> classes = new ArrayList<>(dictionary.size() + 2);
        classes.add("");      // class 0: CTC's blank
        classes.addAll(dictionary);
        classes.add(" ");     // PaddleOCR's models are trained with the space as the last class
        alphabet = List.copyOf(classes);
        space = alphabet.size() - 1;
        figureClasses = IntStream.range(1, alphabet.size())
                .filter(i -> alphabet.get(i).length() == 1 && FIGURE_CHARACTERS.contains(alphabet.get(i))).toArray();
    }

    LineReading decode(float[][] steps) {
        Reading text = new Reading();
        Reading figure = new Reading();
        int previous = BLANK;
        for (float[] step : steps) {
            int best = argmax(step);
            if (best == BLANK) {
                text.blank(step[BLANK]);
                figure.blank(step[BLANK]);
            } else {
                boolean starts = best != previous;
                text.character(starts, best < alphabet.size() ? alphabet.get(best) : "", step[best]);
                if (best != space) {
                    figure.character(starts, alphabet.get(bestFigure(step)), figureConfidence.of(figureStep(step)));
                }
            }
            previous = best;
        }
        return new LineReading(text.text(), text.confidence(), figure.text(), figure.confidence());
    }

    /** A reading being decoded: its characters, their probabilities and the blank's least. */
    private static final class Reading {
        private final StringBuilder text = new StringBuilder();
        private final List<Double> characters = new ArrayList<>();
        private double leastBlank = 1;

        void blank(double p) {
            leastBlank = Math.min(leastBlank, p);
        }

        /** A step giving a character: a new one ({@code starts}) or more of the one before. */
        void character(boolean starts, String character, double p) {
            if (starts) {
                text.append(character);
                characters.add(p);
            } else {
                characters.set(characters.size() - 1, Math.max(characters.getLast(), p));
            }
        }

        String text() {
            return text.toString().strip();
        }

        double confidence() {
            return text().isEmpty() ? leastBlank : characters.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        }
    }

    /** {@code value} mapped onto 0 to 1, linear on each side, so that {@code line} falls on {@link RecognisedCell#CONFIDENT}. */
    static double scaled(double value, double line) {
        double confident = RecognisedCell.CONFIDENT;
        return value < line ? confident * value / line : confident + (1 - confident) * (value - line) / (1 - line);
    }

    private static double sum(float[] step, int[] classes) {
        double sum = 0;
        for (int c : classes) {
            sum += step[c];
        }
        return sum;
    }

    private FigureConfidence.Step figureStep(float[] step) {
        int best = bestFigure(step);
        double runnerUp = 0;
        for (int c : figureClasses) {
            if (c != best) {
                runnerUp = Math.max(runnerUp, step[c]);
            }
        }
        return new FigureConfidence.Step(step[best], runnerUp, sum(step, figureClasses), step[BLANK]);
    }

    private int bestFigure(float[] step) {
        int best = figureClasses[0];
        for (int c : figureClasses) {
            if (step[c] > step[best]) {
                best = c;
            }
        }
        return best;
    }

    private static int argmax(float[] step) {
        int best = 0;
        for (int i = 1; i < step.length; i++) {
            if (step[i] > step[best]) {
                best = i;
            }
        }
        return best;
    }
}
