package dev.pmkb.understand;

/** The parts a postmortem is usually made of, whatever the author called them. */
enum SectionKind {
    /** Text before the first recognised section. */
    PREAMBLE,
    SUMMARY,
    DURATION,
    IMPACT,
    DETECTION,
    TIMELINE,
    ROOT_CAUSE,
    /** "Root Cause and Resolution": both in one, split later by paragraph. */
    ROOT_CAUSE_AND_RESOLUTION,
    RESOLUTION,
    /** Corrective and preventative measures, action items, follow-ups. */
    CORRECTIVE,
    /** The TODO-style task list. */
    TASKS,
    LESSONS,
    /** A section pmkb has no use for (conclusion, references), which still ends the one before it. */
    OTHER;

    boolean isActionList() {
        return this == CORRECTIVE || this == TASKS;
    }
}
