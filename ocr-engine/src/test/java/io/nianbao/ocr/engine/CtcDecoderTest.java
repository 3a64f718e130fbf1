package io.nianbao.ocr.engine;

import io.nianbao.core.ocr.RecognisedCell;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Greedy CTC decoding of made-up recogniser outputs, free and as a figure. */
class CtcDecoderTest {

    // Classes: 0 blank, then the dictionary, then the space the decoder adds last.
    private static final List<String> DICTIONARY = List.of("0", "1", "2", "O", "N", "（", "一");
    private static final int BLANK = 0, ZERO = 1, ONE = 2, TWO = 3, LETTER_O = 4, LETTER_N = 5, BRACKET = 6, SPACE = 8;

    private final CtcDecoder decoder = new CtcDecoder(DICTIONARY, CtcDecoder.CALIBRATED);

    /** A step giving {@code cls} probability {@code p}, the rest spread as given pairs (class, probability). */
    private static float[] step(int cls, double p, double... others) {
        float[] s = new float[DICTIONARY.size() + 2];
        s[cls] = (float) p;
        for (int i = 0; i < others.length; i += 2) {
            s[(int) others[i]] = (float) others[i + 1];
        }
        return s;
    }

    @Test
    void repeatsCollapseBlanksSeparateAndTheLeastCharacterIsTheConfidence() {
        LineReading read = decoder.decode(new float[][] {
                step(ONE, 0.7), step(ONE, 0.95), step(BLANK, 0.99), step(ONE, 0.8), step(TWO, 0.97), step(BLANK, 0.9)});

        assertThat(read.text()).isEqualTo("112");
        // The first "1" reaches 0.95; the second 0.8; "2" 0.97.
        assertThat(read.confidence()).isCloseTo(0.8, within(1e-6));
        assertThat(read.figure()).isEqualTo("112");
    }

    @Test
    void aFigureCellsLetterOIsADigitAsSureAsTheDigitsAreAgainstTheBlank() {
        LineReading read = decoder.decode(new float[][] {
                step(BLANK, 0.99), step(LETTER_O, 0.7, ZERO, 0.28, BLANK, 0.01), step(BLANK, 0.99)});

        assertThat(read.text()).isEqualTo("O");
        assertThat(read.figure()).isEqualTo("0");
        // The only figure class there: surely a "0"; present as 0.28 against the blank's 0.01.
        assertThat(read.figureConfidence()).isCloseTo(CtcDecoder.scaled(0.28 / 0.29, CtcDecoder.PRESENT), within(1e-6));
        assertThat(read.figureConfidence()).isGreaterThanOrEqualTo(RecognisedCell.CONFIDENT);
    }

    @Test
    void aLoneZeroBesideTheBlanksTenthIsConfident() {
        // A 9 pt "0" of a scan: the blank keeps 0.1 at the character's best step.
        LineReading read = decoder.decode(new float[][] {
                step(BLANK, 0.99), step(ZERO, 0.88, BLANK, 0.1, ONE, 0.01, LETTER_O, 0.01), step(BLANK, 0.99)});

        assertThat(read.figure()).isEqualTo("0");
        assertThat(read.figureConfidence()).isGreaterThanOrEqualTo(RecognisedCell.CONFIDENT);
    }

    @Test
    void aDigitBetweenTwoIsNotConfidentHoweverPresent() {
        // "1" or "7": a character surely, which one not.
        LineReading read = decoder.decode(new float[][] {step(ONE, 0.6, TWO, 0.38, BLANK, 0.01)});

        assertThat(read.figure()).isEqualTo("1");
        assertThat(read.figureConfidence()).isCloseTo(0.6 / 0.98, within(1e-6)).isLessThan(RecognisedCell.CONFIDENT);
    }

    @Test
    void aDigitTheBlankNearlyTookIsNotConfidentHoweverSureWhichDigit() {
        // A rule's edge read as "1": no other figure class, but the blank at 0.45.
        LineReading read = decoder.decode(new float[][] {step(ONE, 0.5, BLANK, 0.45, BRACKET, 0.05)});

        assertThat(read.figure()).isEqualTo("1");
        assertThat(read.figureConfidence()).isCloseTo(CtcDecoder.scaled(0.5 / 0.95, CtcDecoder.PRESENT), within(1e-6))
                .isLessThan(RecognisedCell.CONFIDENT);
    }

    @Test
    void presenceIsScaledSoItsLineFallsOnConfident() {
        assertThat(CtcDecoder.scaled(CtcDecoder.PRESENT, CtcDecoder.PRESENT)).isCloseTo(RecognisedCell.CONFIDENT, within(1e-9));
        assertThat(CtcDecoder.scaled(0, CtcDecoder.PRESENT)).isZero();
        assertThat(CtcDecoder.scaled(1, CtcDecoder.PRESENT)).isCloseTo(1, within(1e-9));
        assertThat(CtcDecoder.scaled(CtcDecoder.PRESENT - 0.01, CtcDecoder.PRESENT)).isLessThan(RecognisedCell.CONFIDENT);
    }

    @Test
    void aShapeThatIsNoFigureCharacterGivesAFigureOfNoConfidence() {
        LineReading read = decoder.decode(new float[][] {step(BRACKET, 0.95, ONE, 0.001, BLANK, 0.04), step(TWO, 0.99)});

        assertThat(read.text()).isEqualTo("（2");
        assertThat(read.figure()).isEqualTo("12");
        assertThat(read.figureConfidence()).isLessThan(0.1);
    }

    @Test
    void aSerifTwoReadAsNIsAnUnsureTwo() {
        LineReading read = decoder.decode(new float[][] {step(LETTER_N, 0.98, TWO, 0.004, BLANK, 0.01)});

        assertThat(read.figure()).isEqualTo("2");
        assertThat(read.figureConfidence()).isLessThan(RecognisedCell.CONFIDENT);
    }

    @Test
    void nothingReadIsAsSureAsTheLeastSureBlank() {
        LineReading read = decoder.decode(new float[][] {step(BLANK, 0.99), step(BLANK, 0.55, ONE, 0.45), step(BLANK, 0.99)});

        assertThat(read.text()).isEmpty();
        assertThat(read.figure()).isEmpty();
        assertThat(read.confidence()).isCloseTo(0.55, within(1e-6));
    }

    @Test
    void aSpaceIsNoFigureCharacter() {
        LineReading read = decoder.decode(new float[][] {step(ONE, 0.99), step(SPACE, 0.9), step(ZERO, 0.99)});

        assertThat(read.text()).isEqualTo("1 0");
        assertThat(read.figure()).isEqualTo("10");
    }
}
