package dev.pmkb.model;

import java.util.List;

/**
 * A link from one incident to a similar one, with reasons a reader understands
 * ("same root cause: connection-pool-exhaustion", "also mentions: max connections, pool size").
 */
public record Related(String id, double score, List<String> reasons) {
    public Related {
        reasons = List.copyOf(reasons);
    }
}
