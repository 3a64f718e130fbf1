package io.nianbao.samples;

import java.util.Random;
import java.util.function.BiFunction;

/**
 * A change a report may go through on its way to us: a CMS, a converter or a capture tool
 * rewriting it. A lossless one keeps all a careful reader needs (every cell must still read
 * right); a lossy one loses something (a cell, a separator, a label: each cell must read right
 * or be left unread with a finding naming it, never as another number).
 *
 * @param <T> what it changes: a laid-out report, a text's lines, a page's markup
 */
record Mutation<T>(String name, boolean lossless, BiFunction<T, Random, T> change) {

    T apply(T subject, Random random) {
        return change.apply(subject, random);
    }

    @Override
    public String toString() {
        return (lossless ? "lossless: " : "lossy: ") + name;
    }
}
