package io.nianbao.ocr.engine;

/**
 * What the recogniser read on one line of text: the text as read and, decoded from the same pass
 * with digits, '.', ',' and '-' alone, the line as a figure; each with its confidence (0 to 1), its
 * least sure character's: for the text, the probability the recogniser gave it; for the figure,
 * its calibrated {@link FigureConfidence}.
 */
public record LineReading(String text, double confidence, String figure, double figureConfidence) {
}
