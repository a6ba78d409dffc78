package dev.pmkb.export;

import dev.pmkb.model.Postmortem;

/**
 * Where the export keeps what it worked out of each incident alone between bakes, and what it needs to know of the
 * files an earlier export wrote to take them again (the build cache, when the bake
 * has one): the incident's paragraphs made into its full text and the sentences its snippet is chosen from, with
 * their analysed terms. Filed by the incident, so an implementation keys it by the incident's content and by the
 * code that prepared it; the bytes are the export's own (a layout it checks when it reads them back), so a damaged
 * or foreign entry only costs the incident's preparation again. Called from several threads at once.
 */
public interface PreparedIncidents {

    /** What was kept for {@code incident}; null when nothing was. */
    byte[] kept(Postmortem incident);

    /** Keeps {@code prepared} for {@code incident}. */
    void keep(Postmortem incident, byte[] prepared);

    /**
     * A file of an earlier export that holds the very bytes of {@code incident}'s full text ({@code x/N.json}) at
     * document {@code doc}: written from the same incident at the same document number by the same code, and not
     * changed since. The export links it instead of writing the file; null (the default) when there is none. Called
     * once for each document, so an implementation also learns here which incident each document number holds.
     */
    default java.nio.file.Path keptText(Postmortem incident, int doc) {
        return null;
    }

    /**
     * A chunk an earlier export wrote: how many terms it held, and whether its size ended it (else the dictionary
     * did). Where a chunk ends depends on its own terms and codes alone, so a chunk that starts with the same term and
     * holds the same bytes ends where it ended then.
     */
    record ChunkNote(String folder, String first, int terms, boolean cutBySize) {
    }

    /** The chunk of {@code folder} ({@code t} or {@code p}) an earlier export started with {@code first}; null if none. */
    default ChunkNote keptChunk(String folder, String first) {
        return null;
    }

    /** Whether {@code earlier} held exactly {@code bytes}. */
    default boolean sameChunk(ChunkNote earlier, byte[] bytes) {
        return false;
    }

    /** The file of {@code earlier}, to link instead of writing its bytes again, when it is unchanged; else null. */
    default java.nio.file.Path chunkFile(ChunkNote earlier) {
        return null;
    }

    /** Notes a chunk of this export, for the next: see {@link ChunkNote}. */
    default void chunkWritten(String folder, String first, int terms, boolean cutBySize, byte[] bytes) {
    }

    /** Keeps nothing: every incident is prepared each time. */
    PreparedIncidents NONE = new PreparedIncidents() {
        @Override
        public byte[] kept(Postmortem incident) {
            return null;
        }

        @Override
        public void keep(Postmortem incident, byte[] prepared) {
        }
    };
}
