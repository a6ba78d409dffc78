package dev.pmkb.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a bake may replace a folder with the site. A bake deletes its output folder whole, so the folder must be
 * one pmkb made: empty, absent, or marked by {@link #MARKER}; and it must not be, hold or sit inside the folders
 * the bake reads (the current folder, the site project, content, templates, assets).
 */
public final class OutputFolder {

    /** Written into every baked site: a folder without it holds someone's files, not a site pmkb may replace. */
    public static final String MARKER = ".pmkb-site";
    static final String MARKER_TEXT = "This folder is a site baked by pmkb; every bake replaces it whole.\n";

    private OutputFolder() {
    }

    /**
     * Why the bake must not replace {@code config.output()}, as one line naming the folder; empty when it may.
     * Paths are compared as they are on disk (links and {@code ..} resolved), so no spelling slips past.
     */
    public static Optional<String> problem(SiteConfig config) {
        Path output = config.output();
        Path real = real(output);
        Map<String, Path> protectedFolders = new LinkedHashMap<>();
        protectedFolders.put("the current folder", Path.of("").toAbsolutePath());
        protectedFolders.put("the site folder", config.siteRoot());
        protectedFolders.put("the content folder", config.content());
        protectedFolders.put("the templates folder", config.templates());
        protectedFolders.put("the assets folder", config.assets());
        for (Map.Entry<String, Path> folder : protectedFolders.entrySet()) {
            Path kept = real(folder.getValue());
            if (kept.equals(real)) return refuse(output, "it is " + folder.getKey());
            if (kept.startsWith(real)) return refuse(output, "it holds " + folder.getKey() + " " + kept);
        }
        for (String reads : new String[]{"the content folder", "the templates folder", "the assets folder"}) {
            Path kept = real(protectedFolders.get(reads));
            if (real.startsWith(kept)) return refuse(output, "it is inside " + reads + " " + kept);
        }
        if (config.cache() != null && real(config.cache()).startsWith(real)) {
            return Optional.of("will not use the build cache " + config.cache() + ": it is inside the output " + output
                    + ", which every bake replaces (choose another --cache-dir or pmkb.cache.folder)");
        }
        if (!Files.exists(output)) return Optional.empty();
        if (!Files.isDirectory(output)) return refuse(output, "it is a file, not a folder");
        if (Files.exists(output.resolve(MARKER)) || isEmpty(output) || looksLikeAnEarlierSite(output)) {
            return Optional.empty();
        }
        return refuse(output, "it holds files and is not a site pmkb baked (no " + MARKER + " file in it)");
    }

    private static Optional<String> refuse(Path output, String why) {
        return Optional.of("will not replace " + output + " with the site: " + why
                + " (a bake deletes its output folder; choose another --output or destination.folder)");
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Sites baked before pmkb wrote {@link #MARKER}: every one has these three files, which other folders rarely do. */
    private static boolean looksLikeAnEarlierSite(Path folder) {
        return Files.isRegularFile(folder.resolve(".nojekyll")) && Files.isRegularFile(folder.resolve("incidents.json"))
                && Files.isRegularFile(folder.resolve("index.html"));
    }

    /** The path as it is on disk: the existing part with links resolved, the rest appended. */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return absolute;
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
