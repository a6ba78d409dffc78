package dev.pmkb.site;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folder trees and calls back once per burst of changes: an editor saving a file fires several
 * events, and a rebake per event would only make the preview slower.
 */
public final class FolderWatcher implements AutoCloseable {

    /**
     * How long no event must come before a burst counts as over. One save (write, or write to a temporary file and
     * rename) fires its events within a millisecond or two, and a checkout of many files keeps them coming: 50 ms
     * ends a save's burst without adding to the time the preview takes to show the edit.
     */
    private static final long QUIET_MILLIS = 50;

    private final WatchService watcher;

    public FolderWatcher(List<Path> trees) throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        for (Path tree : trees) {
            if (Files.isDirectory(tree)) registerTree(tree);
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    /**
     * Blocks until something changed, then waits for a quiet moment. Returns the paths that changed (a watched
     * folder itself when the system dropped its events), or empty once the watcher is closed.
     */
    public Optional<Set<Path>> awaitChanges() throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        try {
            drain(watcher.take(), changed);
            WatchKey more;
            while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) drain(more, changed);
            return Optional.of(changed);
        } catch (ClosedWatchServiceException e) {
            return Optional.empty();
        }
    }

    private void drain(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path name)) {
                changed.add(dir);
                continue;
            }
            Path path = dir.resolve(name);
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException ignored) {
                    // the folder vanished again before it could be watched: nothing to follow
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
