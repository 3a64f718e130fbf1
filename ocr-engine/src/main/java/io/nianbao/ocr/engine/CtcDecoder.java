package io.nianbao.ocr.engine;

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
 * the digits, '.', ',' and '-' (a space is dropped), its probability taken among the blank and
 * those characters alone: what the recogniser would say if it knew the line is a figure. A figure
 * cell's "O" becomes a sure "0" (the digits take nearly all that is not the letter), a serif "2"
 * read as "N" an unsure "2" (measured: 0.3), a bracket a "1" of no confidence (below 0.1): a shape
 * that is no figure character gives none of them more than the blank.
 */
final class CtcDecoder {

    private static final String FIGURE_CHARACTERS = "0123456789.,-";
    private static final int BLANK = 0;

    private final List<String> alphabet;
    private final int space;
    private final int[] figureClasses;

    /** @param dictionary the recogniser's characters in class order (class 0, the blank, not included) */
    CtcDecoder(List<String> dictionary) {
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
                    int digit = bestFigure(step);
                    figure.character(starts, alphabet.get(digit), step[digit] / (step[BLANK] + sum(step, figureClasses)));
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

    private static double sum(float[] step, int[] classes) {
        double sum = 0;
        for (int c : classes) {
            sum += step[c];
        }
        return sum;
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
