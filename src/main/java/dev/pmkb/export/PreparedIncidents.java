package dev.pmkb.export;

import dev.pmkb.model.Postmortem;

/**
 * Where the export keeps what it worked out of each incident alone between bakes (the build cache, when the bake
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
