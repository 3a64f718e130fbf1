package io.nianbao.ocr.engine;

/**
 * What the recogniser read on one line of text: the text as read and, decoded from the same pass
 * with digits, '.', ',' and '-' alone, the line as a figure; each with its confidence, the least
 * probability of its characters (0 to 1).
 */
public record LineReading(String text, double confidence, String figure, double figureConfidence) {
}
