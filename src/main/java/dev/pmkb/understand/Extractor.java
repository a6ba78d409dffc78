package dev.pmkb.understand;

/**
 * Reads one family of facts (the window, the impact, the causes, …) out of one document. An extractor keeps no
 * state of its own between documents: what it shares with the others lives on the {@link Reading}, and what it
 * needs from another extractor it asks the reading for with {@link Reading#of(Extractor)}, which reads each
 * family once per document.
 */
interface Extractor<T> {

    T extract(Reading reading);
}
