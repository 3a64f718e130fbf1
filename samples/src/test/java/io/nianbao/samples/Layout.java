package io.nianbao.samples;

import java.util.function.Function;

/**
 * A named way a report reaches us: a format, and how a CMS, an office suite, a converter or a
 * capture tool writes a report in it. Every layout keeps every figure: what it writes reads back
 * to the report it was written from.
 *
 * @param needs           what the machine must have to write it
 * @param blanksUnmarked  a blank cell prints nothing (PDF): where the rows around it do not show its
 *                        column, its row cannot be read with certainty
 */
record Layout(String name, Needs needs, boolean blanksUnmarked, Function<ReportDocument, byte[]> writer) {

    Layout(String name, Needs needs, Function<ReportDocument, byte[]> writer) {
        this(name, needs, false, writer);
    }

    enum Needs {
        NOTHING, CHINESE_FONT, CHROMIUM;

        boolean met() {
            return switch (this) {
                case NOTHING -> true;
                case CHINESE_FONT -> Fonts.chinese().isPresent();
                case CHROMIUM -> Chromium.available();
            };
        }
    }

    byte[] write(ReportDocument document) {
        return writer.apply(document);
    }

    boolean available() {
        return needs.met();
    }

    @Override
    public String toString() {
        return name;
    }
}
