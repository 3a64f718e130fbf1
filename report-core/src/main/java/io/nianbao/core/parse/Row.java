package io.nianbao.core.parse;

import java.util.List;

/**
 * A label and the value cells that follow it in reading order.
 *
 * @param label     the label text, fragments joined without spaces (wrapped labels rejoined)
 * @param cells     the value cells, padding included
 * @param firstLine the line of the label's first fragment (or of the first cell)
 * @param lastLine  the line of the last cell
 */
public record Row(String label, List<Cell> cells, int firstLine, int lastLine) {

    /** The cells without layout padding. */
    public List<Cell> core() {
        return cells.stream().filter(c -> !c.padding()).toList();
    }
}
