package dev.pmkb.site;

/** The bake could not produce a complete site; the previous output, if any, is left untouched. */
public final class BakeFailure extends Exception {
    public BakeFailure(String message) {
        super(message);
    }

    public BakeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
