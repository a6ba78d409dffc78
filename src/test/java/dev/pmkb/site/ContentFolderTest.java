package dev.pmkb.site;

import dev.pmkb.model.Diagnostic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The content folder's walk: what it lists, and what it says of what it cannot read. */
class ContentFolderTest {

    @Test
    void anUnreadableFolderIsADiagnosticAndTheRestIsListed(@TempDir Path content) throws Exception {
        Files.writeString(content.resolve("good.md"), "# Good\n");
        Path secret = Files.createDirectory(content.resolve("secret"));
        Files.writeString(secret.resolve("s.md"), "# Secret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(secret), "root reads every folder; run as a user to test this");
            ContentFolder.Listing listing = ContentFolder.scan(content);
            assertEquals(List.of(content.resolve("good.md")), listing.postmortems());
            assertEquals(List.of("secret: error: cannot read folder: permission denied; the postmortems in it were not"
                    + " baked"), listing.problems().stream().map(Diagnostic::toString).toList());
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFolderTheWalkCannotOpenIsADiagnosticAndTheWalkGoesOn(@TempDir Path content) throws Exception {
        // What the walk meets when a folder is chmod 000 (root reads every folder, so the failure is handed in).
        Path secret = Files.createDirectory(content.resolve("secret"));
        Path hidden = Files.createDirectory(content.resolve(".cache"));
        ContentFolder.Scan lister = new ContentFolder.Scan(content, content.toRealPath());
        assertEquals(java.nio.file.FileVisitResult.CONTINUE,
                lister.visitFileFailed(content.toRealPath().resolve("secret"), new AccessDeniedException(secret.toString())));
        lister.visitFileFailed(content.toRealPath().resolve(".cache"), new AccessDeniedException(hidden.toString()));
        assertEquals(List.of("secret: error: cannot read folder: permission denied; the postmortems in it were not"
                + " baked"), lister.listing().problems().stream().map(Diagnostic::toString).toList(),
                "a hidden folder is skipped silently, as when it is readable");
    }

    @Test
    void listsPostmortemsAndNamesWriteUpsButNotHiddenFiles(@TempDir Path content) throws Exception {
        Files.createDirectories(content.resolve(".git"));
        Files.writeString(content.resolve(".git/x.md"), "# Hidden\n");
        Files.writeString(content.resolve("b.md"), "# B\n");
        Files.writeString(content.resolve("a.markdown"), "# A\n");
        Files.writeString(content.resolve("notes.txt"), "notes\n");
        ContentFolder.Listing listing = ContentFolder.scan(content);
        assertEquals(List.of(content.resolve("a.markdown"), content.resolve("b.md")), listing.postmortems());
        assertEquals(List.of("notes.txt: warning: not baked: pmkb reads postmortems from .md and .markdown files (nor is it published)"),
                listing.problems().stream().map(Diagnostic::toString).toList());
    }
}
