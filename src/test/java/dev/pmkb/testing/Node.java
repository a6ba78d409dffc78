package dev.pmkb.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a Node.js script of the tests: one input per stdin line in, one answer per stdout line out. */
public final class Node {

    private Node() {
    }

    /** What {@code node --test} printed, and its exit code (0 when every test passed). */
    public record TestRun(int exitCode, String output) {
    }

    /** Runs {@code node --test} over the test files in {@code folder}: Node's own test runner, in TAP. */
    public static TestRun test(java.nio.file.Path folder) throws IOException {
        Process process = new ProcessBuilder("node", "--test", "--test-reporter=tap", folder.toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "node --test did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new TestRun(process.exitValue(), output);
    }

    public static List<String> run(List<String> arguments, List<String> stdinLines) throws IOException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // Written from another thread: a large input would otherwise fill the pipe while node waits to be read.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream()) {
                for (String line : stdinLines) in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) lines.add(line);
        }
        writer.join();
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertEquals(0, process.exitValue(), "node exited with " + process.exitValue());
        return lines;
    }
}
