package dev.pmkb.model;

import java.util.List;

/**
 * Who and what the incident hurt.
 *
 * @param usersPercent share of users affected, 0 to 100, or null when the text states none
 * @param services     affected services named in the impact text
 * @param text         the impact statement as written, or null
 */
public record Impact(Double usersPercent, List<String> services, String text) {
    public static final Impact NONE = new Impact(null, List.of(), null);

    public Impact {
        services = List.copyOf(services);
    }
}
