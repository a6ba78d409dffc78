package dev.pmkb.jbake;

import dev.pmkb.model.Postmortem;
import dev.pmkb.render.Page;
import dev.pmkb.render.SiteInfo;
import org.jbake.app.ContentStore;
import org.jbake.app.JBakeException;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.app.configuration.JBakeConfigurationInspector;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * pmkb's use of jbake-core: pmkb's markup engine fills its content store (kept in memory, see
 * {@link InMemoryContentStore}), its template engines render pages, its asset copier copies files. pmkb runs these stages itself instead of calling {@code Oven.bake()}, whose
 * document and tag renderers re-query the whole store per page (quadratic: 18 minutes at 10,000 posts)
 * and sometimes link previous/next wrongly.
 * <p>
 * jbake-core keeps its content store, document types and engines in static state, so only one site may be
 * open per JVM at a time; {@link #open} waits for the previous one to close.
 */
public final class JBakeSite implements AutoCloseable {

    static final String INCIDENT_TYPE = "incident";
    private static final ReentrantLock ONE_BAKE_PER_JVM = new ReentrantLock();

    static {
        // Libraries under jbake-core log through java.util.logging; route it to pmkb's logging.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private final DefaultJBakeConfiguration config;
    private final ContentStore db;
    private final Templates templates;

    /** Folders of one bake; {@code output} is where pages are written (pmkb passes a staging folder). */
    public record Folders(Path siteRoot, Path content, Path templates, Path assets, Path output) {
    }

    private JBakeSite(DefaultJBakeConfiguration config, ContentStore db) {
        this.config = config;
        this.db = db;
        this.templates = new Templates(config, db);
    }

    public static JBakeSite open(Folders folders) {
        ONE_BAKE_PER_JVM.lock();
        try {
            DefaultJBakeConfiguration config = configuration(folders);
            ContentStore db = new InMemoryContentStore();
            db.startup();
            DocumentTypes.resetDocumentTypes();
            ModelExtractors.getInstance().reset();
            DocumentTypes.addListener(new ModelExtractorsDocumentTypeListener());
            for (String type : config.getDocumentTypes()) DocumentTypes.addDocumentType(type);
            DocumentTypes.addDocumentType(config.getDataFileDocType());
            return new JBakeSite(config, db);
        } catch (JBakeException e) {
            ONE_BAKE_PER_JVM.unlock();
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (RuntimeException e) {
            ONE_BAKE_PER_JVM.unlock();
            throw e;
        }
    }

    /** jbake-core's configuration for these folders; builds no static state. */
    static DefaultJBakeConfiguration configuration(Folders folders) {
        try {
            DefaultJBakeConfiguration config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(
                    folders.siteRoot().toFile(), folders.output().toFile(), true);
            config.setContentFolder(folders.content().toFile());
            config.setTemplateFolder(folders.templates().toFile());
            config.setAssetFolder(folders.assets().toFile());
            config.setProperty("template." + INCIDENT_TYPE + ".file", "incident.ftlh");
            new JBakeConfigurationInspector(config).inspect();
            return config;
        } catch (JBakeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Puts each prepared postmortem into JBake's content store, as JBake's crawler would, through pmkb's markup
     * engine. pmkb lists the content folder itself ({@code site.ContentFolder}) and hands over only the files it
     * vetted: JBake's own walk follows links out of the content folder and around loops of links, and hashes every
     * file it meets. Returns the ids of the incidents now in the content store, so the caller can prove none was lost.
     */
    public List<String> crawl(Map<Path, Postmortem> prepared) {
        Map<File, Postmortem> byFile = new HashMap<>();
        prepared.forEach((path, p) -> byFile.put(path.toAbsolutePath().toFile(), p));
        PostmortemEngine engine = new PostmortemEngine(byFile);
        prepared.keySet().stream().sorted().forEach(path -> {
            File file = path.toAbsolutePath().toFile();
            DocumentModel doc = engine.parse(config, file);
            if (doc == null) return;
            Postmortem p = byFile.get(file);
            doc.setSourceUri(p.source());
            doc.setUri(p.url());
            doc.setFile(file.getPath());
            doc.setRendered(false);
            doc.setCached(true);
            db.addDocument(doc);
        });
        List<String> ids = new ArrayList<>();
        for (DocumentModel doc : db.getAllContent(INCIDENT_TYPE)) {
            Object id = doc.get(PostmortemEngine.ID);
            if (id != null) ids.add(id.toString());
        }
        return ids;
    }

    /**
     * Renders one page into the output folder through JBake's template engines. The page is gathered in memory and
     * written in pieces of {@link PageWriter#PIECE}: through a file's writer, FreeMarker's many small writes were
     * encoded and written 8 KB at a time, and a whole list page in memory (actions at 10,000 postmortems: 15 MB) held
     * three copies of it at once.
     */
    public void render(Page page, SiteInfo site) throws IOException {
        Path target = config.getDestinationFolder().toPath().resolve(page.path());
        Path folder = target.getParent();
        if (!createdFolders.contains(folder)) {
            Files.createDirectories(folder);
            createdFolders.add(folder);
        }
        try (PageWriter out = new PageWriter(Files.newOutputStream(target))) {
            render(templates, page, site, out);
        }
    }

    /** The output's folders made so far: most pages share one, and asking for it again cost a failed mkdir each. */
    private final java.util.Set<Path> createdFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A writer into a StringBuilder, without {@link java.io.StringWriter}'s synchronized StringBuffer; given a file, it
     * writes the text to it as UTF-8 whenever a piece is full, and the rest on close.
     */
    static final class PageWriter extends Writer {
        static final int PIECE = 256 * 1024;
        private final StringBuilder text = new StringBuilder(32 * 1024);
        private final OutputStream file;

        /** Keeps the whole text, for {@link #text()}. */
        PageWriter() {
            this.file = null;
        }

        PageWriter(OutputStream file) {
            this.file = file;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            text.append(chars, offset, length);
            writeIfFull();
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            text.append(s, offset, offset + length);
            writeIfFull();
        }

        @Override
        public void write(int c) throws IOException {
            text.append((char) c);
            writeIfFull();
        }

        @Override
        public Writer append(CharSequence s) throws IOException {
            text.append(s);
            writeIfFull();
            return this;
        }

        private void writeIfFull() throws IOException {
            if (file != null && text.length() >= PIECE) writeOut(false);
        }

        private void writeOut(boolean all) throws IOException {
            int end = text.length();
            // A surrogate pair cut in two would be encoded as two question marks
            if (!all && Character.isHighSurrogate(text.charAt(end - 1))) end--;
            file.write(text.substring(0, end).getBytes(StandardCharsets.UTF_8));
            text.delete(0, end);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
            if (file == null) return;
            try (file) {
                if (!text.isEmpty()) writeOut(true);
            }
        }

        String text() {
            return text.toString();
        }
    }

    /** The one way pages are rendered, in a bake and outside one ({@link PageRenderer}). */
    static void render(Templates templates, Page page, SiteInfo site, Writer out) throws IOException {
        TemplateModel model = new TemplateModel();
        model.put("page", page.model().get());
        model.put("site", site);
        model.put("root", page.root());
        model.put("path", page.path());
        try {
            templates.render(model, page.template(), out);
        } catch (RenderingException e) {
            throw new IOException("cannot render " + page.path() + " with " + page.template() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Copies the assets folder to the output: every file but hidden ones, and links only to files inside the
     * folder. jbake-core's {@code Asset} follows every link, out of the folder and around loops, and would copy the
     * content folder's files too; pmkb copies the content files it vetted itself. Returns what went wrong.
     */
    public List<String> copyAssets() {
        Path assets = config.getAssetFolder().toPath();
        Path output = config.getDestinationFolder().toPath();
        List<String> errors = new ArrayList<>();
        if (!Files.isDirectory(assets)) return errors;
        try {
            Path realAssets = assets.toRealPath();
            // from the real folder: an assets folder that is itself a link is walked too
            Files.walkFileTree(realAssets, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(realAssets) && dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (file.getFileName().toString().startsWith(".")) return FileVisitResult.CONTINUE;
                    Path source = file;
                    if (attrs.isSymbolicLink()) {
                        Path target = file.toRealPath();
                        if (!target.startsWith(realAssets)) {
                            errors.add(file + " links outside the assets folder");
                            return FileVisitResult.CONTINUE;
                        }
                        if (!Files.isRegularFile(target)) return FileVisitResult.CONTINUE; // folder links are not followed
                        source = target;
                    } else if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path copy = output.resolve(realAssets.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.add("cannot read " + file + ": " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }

    @Override
    public void close() {
        try {
            db.close();
            db.shutdown();
        } finally {
            ONE_BAKE_PER_JVM.unlock();
        }
    }
}
