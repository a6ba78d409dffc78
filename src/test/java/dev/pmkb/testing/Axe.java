package dev.pmkb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs axe-core in the page the browser shows. It is an npm package under src/test/js, installed by the first test
 * that needs it when a newcomer's {@code mvn -B verify} finds it missing (and by .ci/run).
 */
public final class Axe {

    private static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");
    private static String source;

    private Axe() {
    }

    /** Violations of impact serious or critical, one line each: rule, impact, first offending elements. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Browser browser) throws IOException {
        browser.script(axeSource());
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || ''))}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));
                """);
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(v.get("id") + " (" + impact + "): " + v.get("nodes"));
            }
        }
        return out;
    }

    private static synchronized String axeSource() throws IOException {
        if (source == null) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (!Files.exists(AXE)) installFromLockFile();
            if (ci && !Files.exists(AXE)) throw new IllegalStateException("axe-core missing: run npm ci --prefix src/test/js");
            assumeTrue(Files.exists(AXE), "axe-core not installed (npm ci --prefix src/test/js)");
            source = Files.readString(AXE);
        }
        return source;
    }

    /** {@code npm ci} as pinned by src/test/js/package-lock.json; without npm or a registry, the checks are skipped. */
    private static void installFromLockFile() {
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--prefix", "src/test/js", "--no-audit", "--no-fund")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) npm.destroyForcibly();
        } catch (IOException e) {
            // no npm on the PATH: the assumption below says what to run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
