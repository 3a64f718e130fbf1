package io.nianbao.samples;

import io.nianbao.samples.OcrEngine.Piece;
import io.nianbao.samples.ReportDocument.Kind;
import io.nianbao.samples.TableImages.TableImage;
import io.nianbao.samples.TableImages.TruthCell;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How well an engine read rendered tables. Each recognised piece goes to the cell its centre falls
 * in (traced back through the distortion), so the score is the engine's and not a table finder's.
 * A figure cell is right when its text is exactly the figure (blank stays blank), wrong when it
 * holds anything else, empty when the figure came back as nothing; wrong is the costly outcome.
 * Character accuracy is 1 − edit distance / length, over figures and over labels and headers apart.
 */
final class OcrScore {

    int figureCells;
    int right;
    int wrong;
    int empty;
    long figureChars;
    long figureEdits;
    long labelChars;
    long labelEdits;
    int pages;
    double seconds;
    long peakRssKb = -1;
    final List<String> wrongExamples = new ArrayList<>();

    /**
     * Adds one image's reading; {@code lineHeight} in pixels groups pieces into lines before joining
     * them; {@code figuresAsFigures} reads figure cells from the pieces' figure-only decoding.
     */
    void add(TableImage image, List<Piece> pieces, double lineHeight, boolean figuresAsFigures) {
        Map<TruthCell, List<Piece>> byCell = new IdentityHashMap<>();
        for (Piece p : pieces) {
            TruthCell cell = image.cellAt(p.x(), p.y());
            if (cell != null) {
                byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(p);
            }
        }
        for (TruthCell cell : image.cells()) {
            String expected = normalize(cell.text());
            boolean figure = cell.kind() == Kind.VALUE;
            Function<Piece, String> text = figure && figuresAsFigures ? Piece::asFigure : Piece::text;
            String seen = normalize(join(byCell.getOrDefault(cell, List.of()), lineHeight, text));
            int edits = editDistance(expected, seen);
            if (figure) {
                figureCells++;
                figureChars += expected.length();
                figureEdits += Math.min(edits, Math.max(expected.length(), 1));
                if (seen.equals(expected)) {
                    right++;
                } else if (seen.isEmpty()) {
                    empty++;
                } else {
                    wrong++;
                    if (wrongExamples.size() < 8) {
                        wrongExamples.add("'" + cell.text() + "'→'" + seen + "'");
                    }
                }
            } else {
                labelChars += expected.length();
                labelEdits += Math.min(edits, expected.length());
            }
        }
    }

    /** Counts a page read in {@code seconds} with the engine's peak resident memory then. */
    void timed(double seconds, long peakKb) {
        pages++;
        this.seconds += seconds;
        peakRssKb = Math.max(peakRssKb, peakKb);
    }

    double figureCharAccuracy() {
        return figureChars == 0 ? 0 : 1 - (double) figureEdits / figureChars;
    }

    double labelCharAccuracy() {
        return labelChars == 0 ? 0 : 1 - (double) labelEdits / labelChars;
    }

    double cellAccuracy() {
        return figureCells == 0 ? 0 : (double) right / figureCells;
    }

    /** Pieces in reading order: lines top to bottom (centres within half a line), then left to right. */
    static String join(List<Piece> pieces, double lineHeight, Function<Piece, String> text) {
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingDouble(Piece::y));
        List<List<Piece>> lines = new ArrayList<>();
        for (Piece p : sorted) {
            if (lines.isEmpty() || p.y() - lines.getLast().getFirst().y() > lineHeight / 2) {
                lines.add(new ArrayList<>());
            }
            lines.getLast().add(p);
        }
        StringBuilder joined = new StringBuilder();
        lines.forEach(line -> line.stream().sorted(Comparator.comparingDouble(Piece::x)).forEach(p -> joined.append(text.apply(p))));
        return joined.toString();
    }

    /** NFKC (full-width digits and brackets as their ASCII forms) without any white space. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
