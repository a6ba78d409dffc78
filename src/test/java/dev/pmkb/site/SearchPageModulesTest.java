package dev.pmkb.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pmkb.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The search page preloads every module of the search client, listed from the assets rather than by hand. */
class SearchPageModulesTest {

    @Test
    void everySearchModuleIsPreloaded() throws Exception {
        Path folder = Shared.repository().resolve("assets/js/search");
        List<String> modules;
        try (Stream<Path> files = Files.walk(folder)) {
            modules = files.filter(f -> f.toString().endsWith(".js")).map(f -> folder.relativize(f).toString())
                    .filter(name -> !name.equals("search.js")).sorted().toList();
        }
        String page = Shared.exampleSite().read("search.html");
        Matcher preload = Pattern.compile("<link rel=\"modulepreload\" href=\"js/search/([^\"]+)\">").matcher(page);
        List<String> preloaded = preload.results().map(m -> m.group(1)).sorted().toList();
        assertEquals(modules, preloaded);
        assertEquals(List.of("core/analyze.js", "core/index.js"), Bake.searchModules(Shared.repository().resolve("assets"))
                .stream().filter(m -> m.startsWith("core/a") || m.startsWith("core/i")).toList());
    }
}
