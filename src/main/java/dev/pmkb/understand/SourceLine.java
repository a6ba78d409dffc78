package dev.pmkb.understand;

/** One line of the Markdown body with its 1-based body line number. */
record SourceLine(int number, String text) {
    boolean isBlank() {
        return text.isBlank();
    }
}
