package dev.pmkb.render;

import java.util.function.Supplier;

/**
 * One file of the site to render.
 *
 * @param path     output path relative to the site root, with {@code /} separators
 * @param template template file name in the templates folder
 * @param model    builds what the page shows; called once, when the page is rendered, so that a large
 *                 library never holds every incident's HTML in memory at once
 */
public record Page(String path, String template, Supplier<? extends Pages> model) {

    /** The relative prefix from this page back to the site root: {@code ""} or {@code "../"}. */
    public String root() {
        return "../".repeat((int) path.chars().filter(c -> c == '/').count());
    }
}
