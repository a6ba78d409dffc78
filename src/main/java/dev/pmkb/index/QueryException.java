package dev.pmkb.index;

/** A query that cannot be searched; the message says why and what to do, in words a user understands. */
public final class QueryException extends Exception {
    public QueryException(String message) {
        super(message);
    }
}
