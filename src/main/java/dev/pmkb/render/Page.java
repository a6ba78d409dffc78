package dev.pmkb.render;

import java.util.function.Supplier;

/**
 * One file of the site to render.
 *
 * @param path     output path relative to the site root, with {@code /} separators
 * @param template template file name in the templates folder
 * @param model    builds what the page shows; called once, when the page is rendered, so that a large
 *                 library never holds every incident's HTML in memory at once
 * @param outline  builds what the page shows with its costly part left out ({@link Outline}); null when it has none
 */
public record Page(String path, String template, Supplier<? extends Pages> model, Supplier<Outline> outline) {

    public Page(String path, String template, Supplier<? extends Pages> model) {
        this(path, template, model, null);
    }

    /** The relative prefix from this page back to the site root: {@code ""} or {@code "../"}. */
    public String root() {
        return "../".repeat((int) path.chars().filter(c -> c == '/').count());
    }

    /** What the page shows, its costly part left out where it has one; its whole model where it has none. */
    public Outline outlined() {
        if (outline != null) return outline.get();
        Pages whole = model.get();
        return new Outline(whole, null, () -> whole);
    }

    /**
     * A page's model with its costly part not filled in yet (an incident's safe HTML, which the build cache may hold
     * unread), and a key that stands for that part: equal keys, equal parts. A build cache tells whether the page
     * changed from {@code partial} and {@code standIn} alone, and calls {@code complete} only for a page it renders.
     *
     * @param standIn stands for what {@code partial} lacks; null when it lacks nothing
     */
    public record Outline(Pages partial, String standIn, Supplier<? extends Pages> complete) {
    }
}
