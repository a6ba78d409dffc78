package dev.pmkb.understand;

import dev.pmkb.model.ActionItem;
import dev.pmkb.model.Causes;
import dev.pmkb.model.Detection;
import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Facts;
import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.Impact;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.ParsedBody;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.model.Taxonomy;
import dev.pmkb.model.TimelineEntry;
import dev.pmkb.read.MarkdownParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
    private static final Pattern RESOLUTION_START = Pattern.compile(
            "(?i)^(?:to (?:resolve|fix|address|restore|mitigate|remedy)|resolution|resolved|we resolved|we fixed|the fix"
                    + "|fixing|resolving|the (?:issue|problem|outage|incident) was (?:resolved|fixed|mitigated)"
                    + "|(?:once|after|upon) (?:the (?:root )?cause was )?(?:identif|discover|found)\\w*|the solution"
                    + "|to (?:get|bring) )");
    private static final Pattern DURATION_WORDS = Pattern.compile(
            "(?i)\\b(?:lasted|duration|for (?:about|approximately|around|roughly|nearly|over|almost)?|approximately|about"
                    + "|around|roughly|outage of|down for|downtime of|total of)\\b");
    /** "Issue Summary:" followed by top-level "Duration:", "Impact:" and "Root Cause:" lines: all one summary. */
    private static final Set<SectionKind> SUMMARY_PARTS = Set.of(SectionKind.DURATION, SectionKind.IMPACT,
            SectionKind.ROOT_CAUSE, SectionKind.DETECTION);
    private static final Pattern DECLARED_ZONE = Pattern.compile(
            "(?i)\\ball (?:times?|timestamps?)(?: are| listed| shown| given| below)?(?: in)?\\s{1,3}\\(?([A-Za-z][A-Za-z/_+\\-:0-9 ]{0,30}?)\\s{0,2}(?:[).,;*_]|$)",
            Pattern.MULTILINE);
    private static final Duration MAX_DURATION = Duration.ofDays(30);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** A paragraph that speaks of the fix within its first words (matched on lower-case text). */
    private static final Pattern FIX_EARLY = Pattern.compile("(?s).{0,60}\\b(?:resolv|fix|restor|remed|mitigat)\\w*.*");

    private final Vocabulary vocabulary;
    private final ZoneRules zones;
    private final CauseExtractor causes;

    private Understander(Vocabulary vocabulary, ZoneRules zones) {
        this.vocabulary = vocabulary;
        this.zones = zones;
        this.causes = new CauseExtractor(vocabulary);
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
                    List.of(), null, null, List.of(), List.of(), new Causes(List.of(CauseExtractor.UNKNOWN), true));
            String md = doc.markdown() == null ? "" : doc.markdown();
            return new Postmortem(Naming.id(doc.source()), doc.source(), Naming.title(List.of(), md, doc.source()),
                    null, Postmortem.DateOrigin.NONE, false, none, md, MarkdownParser.parse(md), diagnostics);
        }
    }

    private Postmortem read(SourceDocument doc) {
        Findings findings = new Findings(doc);
        String markdown = doc.markdown() == null ? "" : doc.markdown();
        FrontMatter header = doc.frontMatter() == null ? FrontMatter.NONE : doc.frontMatter();
        String[] lines = SectionSplitter.lines(markdown);
        List<Section> sections = SectionSplitter.split(lines);
        Reading r = new Reading(doc, header, sections, findings);

        String title = header.text("title").map(Naming::clean).filter(t -> !t.isEmpty())
                .orElseGet(() -> Naming.title(sections, lines, doc.source()));
        Facts facts = r.facts(title);

        LocalDate date = null;
        Postmortem.DateOrigin origin = Postmortem.DateOrigin.NONE;
        if (header.text("date").isPresent()) {
            date = headerDate(header.text("date").get());
            if (date != null) origin = Postmortem.DateOrigin.HEADER;
            else findings.errorAtFile(header.line("date"), "invalid date \"" + header.text("date").get()
                    + "\" in header: expected yyyy-MM-dd (or an ISO date-time)");
        }
        if (date == null && facts.start() != null && facts.start().date() != null) {
            date = facts.start().date();
            origin = Postmortem.DateOrigin.TEXT;
        }
        if (date == null && r.summaryDate != null) {
            // "On November 28, 2023, card payments failed…": a date without a time still dates the incident.
            date = r.summaryDate;
            origin = Postmortem.DateOrigin.TEXT;
        }
        if (date == null) {
            date = fileNameDate(doc.source());
            if (date != null) origin = Postmortem.DateOrigin.FILE_NAME;
        }
        boolean draft = header.text("status").map(s -> s.equalsIgnoreCase("draft")).orElse(false)
                || header.text("draft").map(s -> s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes")).orElse(false);

        List<Diagnostic> diagnostics = new ArrayList<>(doc.problems());
        diagnostics.addAll(findings.all());
        ParsedBody body = MarkdownParser.parse(markdown);
        if (body.verbatim()) {
            diagnostics.add(Diagnostic.warning(doc.source(), doc.fileLine(1),
                    "the Markdown nests too deeply to be parsed; the page shows it as written"));
        }
        return new Postmortem(Naming.id(doc.source()), doc.source(), title, date, origin, draft, facts, markdown, body,
                diagnostics);
    }

    static LocalDate headerDate(String value) {
        String v = value.strip();
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

    /** The work of understanding one document; holds what the steps share. */
    private final class Reading {
        /** The first date in the title or summary, found while reading the facts; null when there is none. */
        LocalDate summaryDate;
        private final SourceDocument doc;
        private final FrontMatter header;
        private final List<Section> sections;
        private final Findings findings;
        private final TimeScanner scanner;
        private final TimeResolver resolver;
        /** Plain text of each section, made once: the summary, impact, cause and fix readers all ask for it. */
        private final Map<Section, String> sectionTexts = new IdentityHashMap<>();
        /** Each "Root Cause and Resolution" section cut in two, for the cause and then again for the fix. */
        private final Map<Section, String[]> causeAndFix = new IdentityHashMap<>();

        Reading(SourceDocument doc, FrontMatter header, List<Section> sections, Findings findings) {
            this.doc = doc;
            this.header = header;
            this.sections = sections;
            this.findings = findings;
            String md = doc.markdown() == null ? "" : doc.markdown();
            this.scanner = new TimeScanner(TimeScanner.orderOf(md.length() > 200_000 ? md.substring(0, 200_000) : md), zones);
            this.resolver = new TimeResolver(zones, findings);
        }

        Facts facts(String title) {
            List<SourceLine> durationLines = lines(SectionKind.DURATION);
            List<SourceLine> summaryLines = new ArrayList<>();
            for (Section s : sections) {
                if (s.kind() == SectionKind.SUMMARY || s.parent() == SectionKind.SUMMARY
                        || s.kind() == SectionKind.PREAMBLE || (s.kind() == SectionKind.IMPACT && s.parent() == null)) {
                    summaryLines.addAll(s.lines());
                }
            }
            TimeResolver.Context context = contextOf(title, summaryLines);
            summaryDate = context.date();

            String declared = declaredZone(markdownOf(doc));
            if (declared != null) {
                // "All times in CET." / "Timeline (all times in UTC)": the author's statement covers every time.
                context = new TimeResolver.Context(context.date(), context.year(), declared);
            }
            IncidentWindow.Window window = new IncidentWindow(scanner, resolver).find(durationLines, summaryLines, context);
            TimeResolver.Context timelineContext = TimeResolver.Context.of(window.start(), context);
            List<TimelineEntry> timeline = new ArrayList<>();
            for (TimelineReader.Entry e : new TimelineReader(scanner, resolver).read(lines(SectionKind.TIMELINE), timelineContext)) {
                TimelineEntry t = e.entry();
                timeline.add(new TimelineEntry(t.time(), t.text(), t.kind(), doc.fileLine(t.line())));
            }
            IncidentTime start = window.start();
            IncidentTime end = window.end();
            if (start != null && start.resolution() == IncidentTime.ZoneResolution.MISSING) {
                findings.warnAtBody(window.startLine(), "no time zone for start \"" + start.written()
                        + "\": write one (UTC, WAT, UTC+1) so times can be compared");
            }
            if (start == null) {
                // No start in the summary: the first timed timeline entry is the author's own earliest time.
                start = timeline.stream().map(TimelineEntry::time).filter(t -> t != null && t.time() != null)
                        .findFirst().orElse(null);
                if (start != null && end == null) {
                    TimelineEntry last = timeline.getLast();
                    if (last.kind() == TimelineEntry.Kind.RESOLUTION && last.time() != null && last.time().time() != null) {
                        end = last.time();
                    }
                }
            }

            String summary = summaryText();
            String impactText = joined(SectionKind.IMPACT);
            Impact impact = ImpactReader.read(impactText, summary);

            Duration duration = null;
            Facts.DurationOrigin durationOrigin = null;
            int durationLine = window.endLine() > 0 ? window.endLine() : window.startLine();
            if (start != null && end != null && start.instant().isPresent() && end.instant().isPresent()) {
                Duration d = Duration.between(start.instant().get(), end.instant().get());
                if (d.isNegative()) {
                    findings.warnAtBody(durationLine, "end " + end.iso() + " is before start " + start.iso()
                            + ": duration left out");
                } else if (d.compareTo(MAX_DURATION) > 0) {
                    findings.warnAtBody(durationLine, "duration of " + d.toDays() + " days from " + start.iso() + " to "
                            + end.iso() + " is implausible: left out");
                } else {
                    duration = d;
                    durationOrigin = Facts.DurationOrigin.COMPUTED;
                }
            }
            if (duration == null) {
                Duration stated = statedDuration(durationLines, summaryLines);
                if (stated != null && stated.compareTo(MAX_DURATION) > 0) {
                    findings.warnAtBody(durationLine, "stated duration of " + stated.toDays() + " days is implausible: left out");
                } else if (stated != null) {
                    duration = stated;
                    durationOrigin = Facts.DurationOrigin.STATED;
                }
            }

            String rootCause = rootCauseText();
            String resolution = resolutionText();
            if (resolution == null) {
                // The ALX template asks for "how it was resolved" in the timeline: use the author's own entries.
                List<String> resolved = timeline.stream().filter(t -> t.kind() == TimelineEntry.Kind.RESOLUTION)
                        .map(TimelineEntry::text).toList();
                if (!resolved.isEmpty()) resolution = PlainText.clip(String.join("\n", resolved), 2000);
            }
            Causes causeTags = causeTags(rootCause, summary);

            List<ActionItem> actions = ListItems.actionItems(actionLines());
            List<String> lessons = ListItems.lessons(lines(SectionKind.LESSONS));

            String facetText = String.join("\n", nonNull(impactText, summary));
            List<String> categories = headerList("impact_categories", vocabulary.taxonomy().impactCategories().stream()
                    .map(f -> f.slug()).toList(), () -> impactCategories(facetText, impact));
            List<String> components = headerList("components", null, this::components);

            Detection detection = detection(timeline, start, summary);
            return new Facts(summary, start, end, duration, durationOrigin, impact, categories, components, detection,
                    timeline, rootCause, resolution, actions, lessons, causeTags);
        }

        private List<String> nonNull(String... texts) {
            List<String> out = new ArrayList<>();
            for (String t : texts) if (t != null) out.add(t);
            return out;
        }

        private static String markdownOf(SourceDocument doc) {
            return doc.markdown() == null ? "" : doc.markdown();
        }

        /** The zone of a statement such as "All times in UTC." or "Timeline (all times West African Time)". */
        private String declaredZone(String markdown) {
            String text = markdown.length() > 200_000 ? markdown.substring(0, 200_000) : markdown;
            // Every statement contains "all time": the regex is tried only there, not at every character.
            Matcher m = DECLARED_ZONE.matcher(text).useTransparentBounds(true);
            int from = 0;
            for (int at; (at = PlainText.indexOfIgnoreCase(text, "all time", from)) >= 0; ) {
                if (!m.region(at, text.length()).lookingAt()) {
                    from = at + 1;
                    continue;
                }
                from = m.end();
                String zone = m.group(1).strip();
                if (zones.resolve(zone, LocalDate.of(2024, 1, 1), null).resolution() != IncidentTime.ZoneResolution.UNKNOWN) {
                    return zone;
                }
            }
            return null;
        }

        /** A date to lend to times written without one: from the title, summary or preamble. */
        private TimeResolver.Context contextOf(String title, List<SourceLine> summaryLines) {
            List<String> texts = new ArrayList<>();
            texts.add(title);
            int n = 0;
            for (SourceLine l : summaryLines) {
                if (n++ > 200) break;
                texts.add(PlainText.line(l.text().length() > 2000 ? l.text().substring(0, 2000) : l.text()));
            }
            for (String t : texts) {
                for (WrittenTime w : scanner.scan(t)) {
                    LocalDate d = TimeResolver.dateOf(w.date(), null);
                    if (d != null) return new TimeResolver.Context(d, d.getYear(), null);
                }
            }
            return TimeResolver.Context.NONE;
        }

        private Duration statedDuration(List<SourceLine> durationLines, List<SourceLine> summaryLines) {
            for (SourceLine l : IncidentWindow.head(durationLines)) {
                Duration d = StatedDuration.find(PlainText.line(capped(l.text())));
                if (d != null) return d;
            }
            for (SourceLine l : IncidentWindow.head(summaryLines)) {
                String plain = PlainText.line(capped(l.text()));
                if (plain.length() > 4000) plain = plain.substring(0, 4000);
                Matcher m = DURATION_WORDS.matcher(plain);
                if (m.find()) {
                    Duration d = StatedDuration.find(plain.substring(m.start()));
                    if (d != null) return d;
                }
            }
            return null;
        }

        private static String capped(String raw) {
            return raw.length() > 8000 ? raw.substring(0, 8000) : raw;
        }

        private List<SourceLine> lines(SectionKind kind) {
            List<SourceLine> out = new ArrayList<>();
            for (Section s : sections) {
                if (s.kind() == kind) out.addAll(s.lines());
            }
            return out;
        }

        private List<List<SourceLine>> actionLines() {
            List<List<SourceLine>> out = new ArrayList<>();
            for (Section s : sections) {
                if (s.kind().isActionList()) out.add(s.lines());
            }
            return out;
        }

        private String joined(SectionKind kind) {
            List<String> parts = new ArrayList<>();
            for (Section s : sections) {
                if (s.kind() == kind && !s.isEmpty()) parts.add(textOf(s));
            }
            return parts.isEmpty() ? null : PlainText.clip(String.join("\n\n", parts), 20_000);
        }

        private String summaryText() {
            List<String> parts = new ArrayList<>();
            Section summary = null;
            for (Section s : sections) {
                if (s.kind() == SectionKind.SUMMARY && s.parent() == null) {
                    summary = s;
                    break;
                }
            }
            if (summary != null) {
                if (!summary.isEmpty()) return PlainText.clip(firstParagraphs(textOf(summary), 3), 2000);
                // "**Issue Summary:**" with only labelled sub-items: the sub-items are the summary.
                boolean inside = false;
                for (Section s : sections) {
                    if (s == summary) {
                        inside = true;
                        continue;
                    }
                    boolean part = s.parent() == SectionKind.SUMMARY || SUMMARY_PARTS.contains(s.kind());
                    if (inside && part && !s.isEmpty()) {
                        parts.add(s.heading() + ": " + textOf(s).replace('\n', ' '));
                    } else if (inside && !part) {
                        break;
                    }
                }
                if (!parts.isEmpty()) return PlainText.clip(String.join("\n", parts), 2000);
            }
            // No summary heading: leading "Duration:", "Impact:" lines say what a summary would.
            for (Section s : sections) {
                if (SUMMARY_PARTS.contains(s.kind()) && s.parent() == null && !s.isEmpty()) {
                    parts.add(s.heading() + ": " + textOf(s).replace('\n', ' '));
                } else if (!parts.isEmpty() || s.kind() != SectionKind.PREAMBLE) {
                    break;
                }
            }
            if (!parts.isEmpty()) return PlainText.clip(String.join("\n", parts), 2000);
            for (Section s : sections) {
                if (s.kind() == SectionKind.PREAMBLE || s.kind() == SectionKind.OTHER) {
                    String p = firstProse(s);
                    if (p != null) return PlainText.clip(p, 2000);
                }
            }
            return null;
        }

        /** The first paragraph of prose: not a heading, image, title line or bullet of labels. */
        private String firstProse(Section s) {
            StringBuilder para = new StringBuilder();
            for (SourceLine l : s.lines()) {
                String plain = PlainText.line(l.text());
                if (l.isBlank() || plain.isEmpty()) {
                    if (para.length() > 0 && WHITE_SPACE.split(para.toString()).length >= 8) return para.toString().strip();
                    para.setLength(0);
                    continue;
                }
                if (l.text().strip().startsWith("#")) continue;
                if (para.length() > 0) para.append(' ');
                para.append(plain.length() > 4000 ? plain.substring(0, 4000) : plain);
                if (para.length() > 4000) break;
            }
            String p = para.toString().strip();
            return WHITE_SPACE.split(p).length >= 8 ? p : null;
        }

        private static String firstParagraphs(String text, int max) {
            String[] paras = PARAGRAPH_BREAK.split(text);
            return String.join("\n\n", java.util.Arrays.asList(paras).subList(0, Math.min(max, paras.length))).strip();
        }

        private String rootCauseText() {
            List<String> parts = new ArrayList<>();
            for (Section s : sections) {
                if (s.isEmpty()) continue;
                if (s.kind() == SectionKind.ROOT_CAUSE) parts.add(textOf(s));
                else if (s.kind() == SectionKind.ROOT_CAUSE_AND_RESOLUTION) {
                    String cause = causeAndFix(s)[0];
                    if (!cause.isBlank()) parts.add(cause);
                }
            }
            return parts.isEmpty() ? null : PlainText.clip(String.join("\n\n", parts), 20_000);
        }

        private String resolutionText() {
            List<String> parts = new ArrayList<>();
            for (Section s : sections) {
                if (s.isEmpty()) continue;
                if (s.kind() == SectionKind.RESOLUTION) parts.add(textOf(s));
                else if (s.kind() == SectionKind.ROOT_CAUSE_AND_RESOLUTION) {
                    String fix = causeAndFix(s)[1];
                    if (!fix.isBlank()) parts.add(fix);
                }
            }
            return parts.isEmpty() ? null : PlainText.clip(String.join("\n\n", parts), 20_000);
        }

        private String textOf(Section s) {
            return sectionTexts.computeIfAbsent(s, Section::text);
        }

        private String[] causeAndFix(Section s) {
            return causeAndFix.computeIfAbsent(s, section -> split(textOf(section)));
        }

        /** "Root Cause and Resolution" as one text: the cause paragraphs, then from the first fix paragraph on. */
        private static String[] split(String text) {
            String[] paras = PARAGRAPH_BREAK.split(text);
            for (int i = 1; i < paras.length; i++) {
                if (RESOLUTION_START.matcher(paras[i].strip()).lookingAt()
                        || FIX_EARLY.matcher(paras[i].toLowerCase(Locale.ROOT)).matches()) {
                    return new String[] {String.join("\n\n", java.util.Arrays.asList(paras).subList(0, i)),
                            String.join("\n\n", java.util.Arrays.asList(paras).subList(i, paras.length))};
                }
            }
            if (paras.length > 1) {
                return new String[] {paras[0], String.join("\n\n", java.util.Arrays.asList(paras).subList(1, paras.length))};
            }
            // One paragraph: cut at the first sentence that talks about the fix.
            String[] sentences = SENTENCE_BREAK.split(text);
            for (int i = 1; i < sentences.length; i++) {
                if (RESOLUTION_START.matcher(sentences[i]).lookingAt()) {
                    return new String[] {String.join(" ", java.util.Arrays.asList(sentences).subList(0, i)),
                            String.join(" ", java.util.Arrays.asList(sentences).subList(i, sentences.length))};
                }
            }
            return new String[] {text, ""};
        }

        private Causes causeTags(String rootCause, String summary) {
            List<String> named = header.list("tags");
            String key = "tags";
            for (String k : List.of("root_causes", "causes")) {
                if (!header.list(k).isEmpty()) {
                    named = header.list(k);
                    key = k;
                }
            }
            if (!named.isEmpty()) {
                Set<String> kept = new LinkedHashSet<>();
                for (String value : named) {
                    String slug = Naming.slug(value);
                    if (vocabulary.taxonomy().cause(slug).isPresent()) kept.add(slug);
                    else findings.warnAtFile(header.line(key), "unknown root-cause tag \"" + value + "\" in header "
                            + key + ": not in the taxonomy (" + String.join(", ",
                            vocabulary.taxonomy().causes().stream().map(c -> c.slug()).toList()) + ")");
                }
                if (!kept.isEmpty()) return new Causes(List.copyOf(kept), false);
            }
            return causes.extract(CauseExtractor.passages(rootCause, summary, sections, this::textOf));
        }

        /** Header values for a facet win; {@code allowed} (when not null) limits them to known slugs. */
        private List<String> headerList(String key, List<String> allowed, java.util.function.Supplier<List<String>> inferred) {
            List<String> values = header.list(key);
            if (values.isEmpty()) return inferred.get();
            List<String> out = new ArrayList<>();
            for (String v : values) {
                String value = allowed == null ? v.strip() : Naming.slug(v);
                if (allowed != null && !allowed.contains(value)) {
                    findings.warnAtFile(header.line(key), "unknown impact category \"" + v + "\" in header " + key
                            + ": expected one of " + String.join(", ", allowed));
                } else if (!value.isEmpty() && !out.contains(value)) {
                    out.add(value);
                }
            }
            return out;
        }

        private List<String> impactCategories(String text, Impact impact) {
            Set<String> found = new LinkedHashSet<>();
            for (PhraseIndex.Hit<String> h : vocabulary.impactPhrases().find(Words.of(text))) found.add(h.label());
            Double pct = impact.usersPercent();
            // "Unavailable for 30% of users" is a partial outage: what those users saw is not what all users saw.
            if (pct != null && pct < 100 && pct > 0) {
                found.remove("full-outage");
                found.add("partial-outage");
            }
            List<String> ordered = new ArrayList<>();
            for (var f : vocabulary.taxonomy().impactCategories()) {
                if (found.contains(f.slug())) ordered.add(f.slug());
            }
            return ordered;
        }

        private List<String> components() {
            String md = doc.markdown() == null ? "" : doc.markdown();
            Set<String> found = new LinkedHashSet<>();
            // Components are named early and often; the first 500 000 characters are plenty.
            for (PhraseIndex.Hit<String> h : vocabulary.componentPhrases().find(Words.of(
                    md.length() > 500_000 ? md.substring(0, 500_000) : md))) {
                found.add(h.label());
            }
            List<String> names = new ArrayList<>();
            for (var c : vocabulary.taxonomy().components()) {
                if (found.contains(c.slug())) names.add(c.name());
            }
            return names;
        }

        private Detection detection(List<TimelineEntry> timeline, IncidentTime start, String summary) {
            StringBuilder text = new StringBuilder();
            IncidentTime time = null;
            for (TimelineEntry e : timeline) {
                if (e.kind() == TimelineEntry.Kind.DETECTION) {
                    if (time == null && e.time() != null) time = e.time();
                    text.append(e.text()).append('\n');
                }
            }
            String detectionSection = joined(SectionKind.DETECTION);
            if (detectionSection != null) text.insert(0, detectionSection + "\n");
            String how = DetectionWords.how(text.toString());
            if (how == null && timeline.isEmpty()) how = DetectionWords.how(summary);
            if (time == null && how == null) return Detection.NONE;
            return new Detection(time, how);
        }
    }
}
