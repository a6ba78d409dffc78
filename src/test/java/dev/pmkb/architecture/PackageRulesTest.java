package dev.pmkb.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of docs/architecture.md, checked on the sources so that they cannot drift. */
class PackageRulesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/pmkb");

    /** Which of pmkb's packages each package may use. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "model", Set.of(),
            "cache", Set.of(),
            "read", Set.of("model"),
            "understand", Set.of("model", "read"),
            "index", Set.of("model", "read"),
            "render", Set.of("model", "read"),
            "export", Set.of("model", "index"),
            "jbake", Set.of("model", "render"),
            "site", Set.of("model", "read", "understand", "index", "render", "export", "jbake", "cache"),
            "cli", Set.of("model", "read", "understand", "index", "site"));

    private static final Pattern OUR_IMPORT = Pattern.compile("^import (?:static )?dev\\.pmkb\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_USE = Pattern.compile("\\bdev\\.pmkb\\.(\\w+)\\.[A-Z]");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }

    @Test
    void onlyTheAdapterImportsJBake() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            if (!packageOf(f).equals("jbake") && Files.readString(f).contains("org.jbake.")) offenders.add(f.toString());
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void noUntypedMapsOutsideTheAdapter() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            if (!packageOf(f).equals("jbake") && Files.readString(f).matches("(?s).*Map<String,\\s*Object>.*")) {
                offenders.add(f.toString());
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void stagesUseOnlyThePackagesBeforeThem() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            String pkg = packageOf(f);
            Set<String> allowed = MAY_USE.get(pkg);
            assertTrue(allowed != null, "package " + pkg + " is not in docs/architecture.md");
            String text = Files.readString(f);
            for (Pattern p : List.of(OUR_IMPORT, QUALIFIED_USE)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) offenders.add(f + " uses " + used);
                }
            }
        }
        assertEquals(List.of(), offenders.stream().distinct().toList());
    }

    @Test
    void theDomainModelIsRecords() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            if (!packageOf(f).equals("model")) continue;
            String text = Files.readString(f);
            if (!text.matches("(?s).*public (record|enum|sealed interface) .*")) offenders.add(f.toString());
        }
        assertEquals(List.of(), offenders);
    }
}
