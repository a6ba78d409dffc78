package dev.pmkb.site;

import dev.pmkb.cache.CodeFingerprint;
import dev.pmkb.cache.EntryStore;
import dev.pmkb.cache.FastHash;
import dev.pmkb.cache.RecordCodec;
import dev.pmkb.model.ParsedBody;
import dev.pmkb.render.BodyHtml;
import dev.pmkb.render.MarkdownRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The safe HTML of each postmortem's body, kept in the build cache: making it (jsoup's cleaning, relocating links)
 * is most of what an incident page costs, and a rebake needs it for every page, rendered or kept, since making it
 * is how broken links are found and which attachments are published.
 * <p>
 * The HTML depends on the body, the file, the page and its title, and on what the content folder holds: which
 * paths are other postmortems' pages and which are attachments. So an entry keeps the questions
 * {@link MarkdownRenderer.ContentLinks} was asked while the HTML was made, with their answers; it is used only when
 * every question has the same answer now, and then the questions are asked again, so that the bake records the
 * same linked attachments and broken links as if the HTML had been made afresh.
 * <p>
 * The questions of every body a bake made pages of are kept once more, together, in one entry for the output folder
 * (the bodies' "questions"): a rebake checks and asks them again from that entry and gives each body's HTML as a key
 * ({@link BodyHtml.Deferred}) that a kept page is hashed with; only a page rendered again reads its body's entry.
 */
final class SanitizedHtmlCache extends MarkdownRenderer {

    private static final String FORMAT = "html-1";
    private static final int PAGE_OF = 0, EXISTS = 1, BROKEN = 2;

    /** One question asked of the content links: its kind, its argument and the answer (or the broken link's source). */
    private record Question(int kind, String argument, String answer) {
    }

    private record Entry(String html, List<Question> questions) {
    }

    /** The questions each body's HTML asked, by the key of its entry. */
    private record Questions(Map<String, List<Question>> byKey) {
    }

    private final Recorder links;
    private final Predicate<String> isAttachment;
    private final boolean remoteImages;
    private final EntryStore store;
    private final String global;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final String questionsKey;
    /** The questions the previous bake of this output noted, by key; empty when there are none. */
    private final Map<String, List<Question>> noted;
    /** The questions of every body this bake gave the HTML of, by key. */
    private final Map<String, List<Question>> asked = new ConcurrentHashMap<>();
    /** Whether some body's questions were not taken from {@link #noted}: then they are noted again. */
    private volatile boolean notedAnew;

    private SanitizedHtmlCache(Recorder links, Predicate<String> isAttachment, boolean remoteImages, Path cacheFolder,
                               Path output) {
        super(links, remoteImages);
        this.links = links;
        this.isAttachment = isAttachment;
        this.remoteImages = remoteImages;
        this.store = new EntryStore(cacheFolder.resolve(FORMAT));
        this.global = global(remoteImages);
        this.questionsKey = questionsKey(global, output);
        used.add(questionsKey);
        this.noted = readNoted();
    }

    /**
     * A renderer that takes what it can from the cache in {@code cacheFolder}; {@code isAttachment} answers, without
     * recording it as linked, whether a path is an attachment {@code links.exists} would publish. The questions of the
     * bodies are noted for the site in {@code output}.
     */
    static SanitizedHtmlCache open(ContentLinks links, Predicate<String> isAttachment, boolean remoteImages,
                                   Path cacheFolder, Path output) {
        return new SanitizedHtmlCache(new Recorder(links), isAttachment, remoteImages, cacheFolder, output);
    }

    private static String global(boolean remoteImages) {
        return FORMAT + "\0" + Version.current() + "\0" + CodeFingerprint.current() + "\0" + remoteImages;
    }

    private static String questionsKey(String global, Path output) {
        return new FastHash().add(global).add("questions").add(OutputFolder.real(output).toString()).hex();
    }

    /** The store of the bodies' entries in {@code cacheFolder}, and the key of the one that notes the questions of the
     * bodies of the site in {@code output}: for tests. */
    static EntryStore store(Path cacheFolder) {
        return new EntryStore(cacheFolder.resolve(FORMAT));
    }

    static String questionsKey(Path output, boolean remoteImages) {
        return questionsKey(global(remoteImages), output);
    }

    private Map<String, List<Question>> readNoted() {
        Optional<byte[]> saved = store.read(questionsKey);
        if (saved.isEmpty()) return Map.of();
        try {
            if (RecordCodec.decode(saved.get()) instanceof Questions q) return q.byKey();
        } catch (RecordCodec.CorruptEntryException e) {
            // each body's questions are read from its own entry instead, and noted again
        }
        return Map.of();
    }

    @Override
    public String toHtml(ParsedBody body, String source, String pageUrl, String title) {
        return bodyHtml(body, source, pageUrl, title).html();
    }

    @Override
    public BodyHtml bodyHtml(ParsedBody body, String source, String pageUrl, String title) {
        String key = key(body, source, pageUrl, title);
        used.add(key);
        List<Question> known = noted.get(key);
        if (known != null && stillTrue(known)) {
            askAgain(known);
            asked.put(key, known);
            return new BodyHtml.Deferred(standIn(key, known), () -> htmlOf(key, known, body, source, pageUrl, title));
        }
        notedAnew = true;
        Entry entry = entry(key, body, source, pageUrl, title);
        asked.put(key, entry.questions());
        return new BodyHtml.Made(entry.html(), standIn(key, entry.questions()));
    }

    /** The entry of {@code key} if its answers are the same now (its questions asked again), else one made afresh. */
    private Entry entry(String key, ParsedBody body, String source, String pageUrl, String title) {
        Optional<Entry> saved = saved(key).filter(entry -> stillTrue(entry.questions()));
        if (saved.isPresent()) {
            askAgain(saved.get().questions());
            return saved.get();
        }
        return makeAndKeep(key, links, () -> super.toHtml(body, source, pageUrl, title));
    }

    /** Makes the HTML with {@code render}, recording the questions it asks through {@code recorder}, and keeps both. */
    private Entry makeAndKeep(String key, Recorder recorder, java.util.function.Supplier<String> render) {
        List<Question> questions = new ArrayList<>();
        recorder.recording.set(questions);
        String html;
        try {
            html = render.get();
        } finally {
            recorder.recording.remove();
        }
        Entry made = new Entry(html, List.copyOf(questions));
        store.write(key, RecordCodec.encode(made));
        return made;
    }

    /** The entry stored under {@code key}; empty when there is none or it is damaged (then made afresh and replaced). */
    private Optional<Entry> saved(String key) {
        Optional<byte[]> saved = store.read(key);
        if (saved.isEmpty()) return Optional.empty();
        try {
            return RecordCodec.decode(saved.get()) instanceof Entry entry ? Optional.of(entry) : Optional.empty();
        } catch (RecordCodec.CorruptEntryException e) {
            return Optional.empty();
        }
    }

    /**
     * The HTML of a body whose questions were asked again from the noted ones: its entry's, or, when that is gone or
     * differs, made afresh with the same answers and asking nothing of the bake's links (they were asked already).
     */
    private String htmlOf(String key, List<Question> questions, ParsedBody body, String source, String pageUrl,
                          String title) {
        Optional<Entry> saved = saved(key).filter(entry -> entry.questions().equals(questions));
        if (saved.isPresent()) return saved.get().html();
        Recorder quiet = new Recorder(new ContentLinks() {
            @Override
            public String pageOf(String contentPath) {
                return links.real.pageOf(contentPath);
            }

            @Override
            public boolean exists(String contentPath) {
                return isAttachment.test(contentPath);
            }

            @Override
            public void broken(String source, String target) {
            }
        });
        return makeAndKeep(key, quiet, () -> new MarkdownRenderer(quiet, remoteImages).toHtml(body, source, pageUrl, title))
                .html();
    }

    /** What stands for a body's HTML in its page's hash: the entry's key, which covers every input but the answers. */
    private static String standIn(String key, List<Question> questions) {
        FastHash hash = new FastHash().add(key);
        for (Question q : questions) hash.add(String.valueOf(q.kind())).add(q.argument()).add(q.answer());
        return hash.hex();
    }

    private boolean stillTrue(List<Question> questions) {
        for (Question q : questions) {
            boolean same = switch (q.kind()) {
                case PAGE_OF -> java.util.Objects.equals(links.real.pageOf(q.argument()), q.answer());
                case EXISTS -> String.valueOf(isAttachment.test(q.argument())).equals(q.answer());
                case BROKEN -> true;
                default -> false;
            };
            if (!same) return false;
        }
        return true;
    }

    /** What asking had the bake record: the attachments linked, the broken links reported. */
    private void askAgain(List<Question> questions) {
        for (Question q : questions) {
            if (q.kind() == EXISTS && Boolean.parseBoolean(q.answer())) links.real.exists(q.argument());
            if (q.kind() == BROKEN) links.real.broken(q.answer(), q.argument());
        }
    }

    private String key(ParsedBody body, String source, String pageUrl, String title) {
        // the sanitised HTML is made of the body's HTML alone; its text, often kept out of the heap, is not read
        return new FastHash().add(global).add(source).add(pageUrl).add(title).add(body.unsafeHtml()).hex();
    }

    /** Notes the questions of every body of this bake for the next one, unless they are the ones noted already. */
    void save() {
        if (!notedAnew && asked.size() == noted.size()) return;
        store.write(questionsKey, RecordCodec.encode(new Questions(new java.util.TreeMap<>(asked))));
    }

    /** Removes the entries this bake did not use, as {@link UnderstoodCache#prune} does. */
    void prune() {
        store.prune(used);
    }

    List<String> problems() {
        return store.problems();
    }

    /** Passes every question on, and notes it with its answer while the thread asking is making an entry. */
    private static final class Recorder implements ContentLinks {
        final ContentLinks real;
        final ThreadLocal<List<Question>> recording = new ThreadLocal<>();

        Recorder(ContentLinks real) {
            this.real = real;
        }

        private void note(int kind, String argument, String answer) {
            List<Question> asked = recording.get();
            if (asked != null) asked.add(new Question(kind, argument, answer));
        }

        @Override
        public String pageOf(String contentPath) {
            String page = real.pageOf(contentPath);
            note(PAGE_OF, contentPath, page);
            return page;
        }

        @Override
        public boolean exists(String contentPath) {
            boolean exists = real.exists(contentPath);
            note(EXISTS, contentPath, String.valueOf(exists));
            return exists;
        }

        @Override
        public void broken(String source, String target) {
            real.broken(source, target);
            note(BROKEN, target, source);
        }
    }
}
