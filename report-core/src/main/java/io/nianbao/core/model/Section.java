package io.nianbao.core.model;

/** One of the six sections as found in the document: its heading as written and its text. */
public record Section(SectionKind kind, String heading, String text) {
}
