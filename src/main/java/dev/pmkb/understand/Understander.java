package dev.pmkb.understand;

import dev.pmkb.model.Causes;
import dev.pmkb.model.Detection;
import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Facts;
import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.Impact;
import dev.pmkb.model.ParsedBody;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.model.Taxonomy;
import dev.pmkb.read.Limits;
import dev.pmkb.read.MarkdownParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a free-form Markdown postmortem the way an experienced incident reviewer does and writes down the
 * facts: when, how long, who was hurt, how it was found, why it happened, what will change. What the text does
 * not say stays null; what is doubtful (an ambiguous zone, a garbled date) becomes a diagnostic.
 *
 * <p>Thread-safe: one instance serves a whole site.
 */
public final class Understander {

    private static final Pattern HEADER_DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?\\s?(?:Z|UTC|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern FILE_NAME_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

    private final Vocabulary vocabulary;
    private final ZoneRules zones;
    private final HeaderOverrides headerOverrides = new HeaderOverrides();
    private final TitleExtractor title = new TitleExtractor(headerOverrides);
    private final SummaryExtractor summary = new SummaryExtractor();
    private final StatedWindowExtractor stated = new StatedWindowExtractor(title);
    private final TimelineExtractor timeline = new TimelineExtractor(stated);
    private final WindowExtractor window = new WindowExtractor(stated, timeline);
    private final ResolutionExtractor resolution = new ResolutionExtractor(timeline);
    private final ActionsExtractor actions = new ActionsExtractor();
    private final DetectionExtractor detection = new DetectionExtractor(timeline, summary);
    private final CauseExtractor causes;
    private final ImpactExtractor impact;
    private final ComponentsExtractor components;

    private Understander(Vocabulary vocabulary, ZoneRules zones) {
        this.vocabulary = vocabulary;
        this.zones = zones;
        this.causes = new CauseExtractor(vocabulary, summary);
        this.impact = new ImpactExtractor(vocabulary, summary);
        this.components = new ComponentsExtractor(vocabulary);
    }

    /** The built-in taxonomy and zone defaults. */
    public static Understander defaults() {
        return new Understander(TaxonomyLoader.defaults(), ZoneRules.defaults());
    }

    /**
     * The defaults, with {@code <siteRoot>/taxonomy.yml} merged over the taxonomy when present and zone
     * abbreviations from {@code pmkb.zone.<ABBR>=<IANA id or offset>} keys of {@code config}.
     *
     * @throws IllegalArgumentException when the site's taxonomy.yml is invalid (a configuration error)
     * @throws UncheckedIOException     when it cannot be read
     */
    public static Understander forSite(Path siteRoot, Properties config) {
        Vocabulary vocabulary = TaxonomyLoader.defaults();
        if (siteRoot != null) {
            Path file = siteRoot.resolve("taxonomy.yml");
            if (Files.isRegularFile(file)) {
                try {
                    vocabulary = TaxonomyLoader.withSite(Files.readString(file, StandardCharsets.UTF_8), file.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return new Understander(vocabulary, ZoneRules.from(config));
    }

    public Taxonomy taxonomy() {
        return vocabulary.taxonomy();
    }

    /** Never throws on content: every problem is a diagnostic on the result, including {@code doc.problems()}. */
    public Postmortem understand(SourceDocument doc) {
        try {
            return read(doc);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not stop a library from baking; it shows up as an error pmkb check reports. A stack
            // overflow is one too: a regular expression recursing once per character of a pathological line (50,000
            // ">" in a row). The stack has unwound by now, and nothing here keeps state between files.
            List<Diagnostic> diagnostics = new ArrayList<>(doc.problems());
            diagnostics.add(Diagnostic.error(doc.source(), 0, e instanceof StackOverflowError
                    ? "this file nests too deeply for pmkb to read its facts (thousands of >, [ or list markers in a"
                            + " row?); its page has no facts"
                    : "pmkb could not understand this file (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); please report it"));
            Facts none = new Facts(null, null, null, null, null, Impact.NONE, List.of(), List.of(), Detection.NONE,
                    List.of(), null, null, List.of(), List.of(), new Causes(List.of(CauseClassifier.UNKNOWN), true));
            String md = doc.markdown() == null ? "" : doc.markdown();
            return new Postmortem(Naming.id(doc.source()), doc.source(), Naming.title(List.of(), md, doc.source()),
                    null, Postmortem.DateOrigin.NONE, false, none, md, MarkdownParser.parse(md), diagnostics);
        }
    }

    private Postmortem read(SourceDocument doc) {
        Reading r = new Reading(doc, zones);
        // Called in this order so that the diagnostics come in the order a reader meets them.
        String title = r.of(this.title);
        WindowExtractor.Times times = r.of(window);
        String summaryText = r.of(summary);
        CauseExtractor.Why why = r.of(causes);
        String resolutionText = r.of(resolution);
        ActionsExtractor.FollowUp followUp = r.of(actions);
        ImpactExtractor.Hurt hurt = r.of(impact);
        List<String> componentNames = r.of(components);
        Detection found = r.of(detection);
        Facts facts = new Facts(summaryText, times.start(), times.end(), times.duration(), times.durationOrigin(),
                hurt.impact(), hurt.categories(), componentNames, found, r.of(timeline), why.rootCause(),
                resolutionText, followUp.actions(), followUp.lessons(), why.causes());

        FrontMatter header = r.header;
        Findings findings = r.findings;
        LocalDate date = null;
        Postmortem.DateOrigin origin = Postmortem.DateOrigin.NONE;
        if (header.text("date").isPresent()) {
            date = headerDate(header.text("date").get());
            if (date != null && !Limits.isPlausible(date)) {
                findings.errorAtFile(header.line("date"), implausible(date) + " in header, ignored");
                date = null;
            } else if (date != null) {
                origin = Postmortem.DateOrigin.HEADER;
            } else {
                findings.errorAtFile(header.line("date"), "invalid date \"" + header.text("date").get()
                        + "\" in header: expected yyyy-MM-dd (or an ISO date-time)");
            }
        }
        if (date == null && facts.start() != null && facts.start().date() != null) {
            date = facts.start().date();
            origin = Postmortem.DateOrigin.TEXT;
        }
        LocalDate summaryDate = r.of(stated).summaryDate();
        if (date == null && summaryDate != null) {
            // "On November 28, 2023, card payments failed…": a date without a time still dates the incident.
            date = summaryDate;
            origin = Postmortem.DateOrigin.TEXT;
        }
        if (date == null) {
            date = fileNameDate(doc.source());
            if (date != null) origin = Postmortem.DateOrigin.FILE_NAME;
        }
        if (date != null && !Limits.isPlausible(date)) {
            findings.warnAtFile(0, implausible(date) + " in the " + (origin == Postmortem.DateOrigin.FILE_NAME
                    ? "file name" : "text") + ", so the incident is undated");
            date = null;
            origin = Postmortem.DateOrigin.NONE;
        }
        boolean draft = r.of(headerOverrides).draft();

        List<Diagnostic> diagnostics = new ArrayList<>(doc.problems());
        diagnostics.addAll(findings.all());
        String markdown = doc.markdown() == null ? "" : doc.markdown();
        ParsedBody body = MarkdownParser.parse(markdown);
        if (body.verbatim()) {
            diagnostics.add(Diagnostic.warning(doc.source(), doc.fileLine(1),
                    "the Markdown is too deep or too long in one paragraph for the parser; the page shows it as written"));
        }
        TitleComposer.Chosen named = TitleComposer.choose(title, r.of(headerOverrides).title() != null, facts,
                date, vocabulary.taxonomy());
        return new Postmortem(Naming.id(doc.source()), doc.source(), named.title(), date, origin, draft, facts, markdown,
                body, diagnostics, Keywords.of(header, vocabulary.taxonomy()), named.composed(), named.authorTitle(),
                r.of(headerOverrides).credits());
    }

    private static String implausible(LocalDate date) {
        return "date " + date + " is outside the years " + Limits.FIRST_YEAR + " to " + Limits.lastYear();
    }

    static LocalDate headerDate(String value) {
        String v = value.strip();
        if (isPlainIsoDate(v)) {
            // "2019-08-17", the usual header date: what the parser below answers, without its formatter. A date
            // that does not exist (2019-02-30) is no date-time either.
            try {
                return LocalDate.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10));
            } catch (java.time.DateTimeException noSuchDate) {
                return null;
            }
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException ignored) {
            // fall through to date-times
        }
        try {
            return OffsetDateTime.parse(v).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        // Jekyll and Hugo write "2019-10-04 09:00:00 +0200": the date is what matters here.
        Matcher m = HEADER_DATE_TIME.matcher(v);
        if (m.matches()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
        return null;
    }

    /** {@code \d{4}-\d{2}-\d{2}} with ASCII digits, nothing before or after. */
    private static boolean isPlainIsoDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') return false;
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (v.charAt(i) < '0' || v.charAt(i) > '9')) return false;
        }
        return true;
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) n = n * 10 + (v.charAt(i) - '0');
        return n;
    }

    static LocalDate fileNameDate(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        Matcher m = FILE_NAME_DATE.matcher(name);
        if (!m.find()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
