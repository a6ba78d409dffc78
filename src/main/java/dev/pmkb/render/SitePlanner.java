package dev.pmkb.render;

import dev.pmkb.model.CauseTag;
import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.Library;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import dev.pmkb.model.TimelineEntry;
import dev.pmkb.render.Views.Chip;
import dev.pmkb.render.Views.Count;
import dev.pmkb.render.Views.FeedEntry;
import dev.pmkb.render.Views.IncidentCard;
import dev.pmkb.render.Views.Link;
import dev.pmkb.render.Views.RelatedLink;
import dev.pmkb.render.Views.Task;
import dev.pmkb.render.Views.TimeView;
import dev.pmkb.render.Views.TimelineRow;
import dev.pmkb.render.Views.YearGroup;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides which pages the site has and what each shows. Every listing is computed once here, in one pass
 * over the library, so no page template ever scans the whole library (the trap that makes stock JBake
 * quadratic).
 */
public final class SitePlanner {

    static final int NEWEST_ON_HOME = 12;
    static final int TOP_CAUSES_ON_HOME = 8;
    static final int FEED_ENTRIES = 50;

    private final Library library;
    private final SiteInfo site;
    private final MarkdownRenderer markdown;
    private final Map<String, Postmortem> byId;
    private final Map<String, List<Postmortem>> byCause;

    private final Supplier<String> searchManifest;
    private final List<String> searchModules;

    public SitePlanner(Library library, SiteInfo site, MarkdownRenderer markdown) {
        this(library, site, markdown, () -> null);
    }

    /**
     * {@code searchManifest} gives the static search export's manifest JSON (or null), inlined into the search page;
     * it is asked for only when that page is rendered, so the export may still be running while the plan is made.
     */
    public SitePlanner(Library library, SiteInfo site, MarkdownRenderer markdown, Supplier<String> searchManifest) {
        this(library, site, markdown, searchManifest, List.of());
    }

    /** As above; {@code searchModules} lists the search client's modules for the search page to preload. */
    public SitePlanner(Library library, SiteInfo site, MarkdownRenderer markdown, Supplier<String> searchManifest,
                       List<String> searchModules) {
        this.searchManifest = searchManifest;
        this.searchModules = List.copyOf(searchModules);
        this.library = library;
        this.site = site;
        this.markdown = markdown;
        this.byId = library.incidents().stream().collect(Collectors.toMap(Postmortem::id, Function.identity()));
        this.byCause = new TreeMap<>();
        for (Postmortem p : library.incidents()) {
            for (String slug : p.facts().causes().slugs()) {
                byCause.computeIfAbsent(slug, s -> new ArrayList<>()).add(p);
            }
        }
    }

    public List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < library.incidents().size(); i++) pages.add(incidentPage(i));
        pages.add(new Page("index.html", "index.ftlh", this::home));
        pages.add(new Page("causes/index.html", "causes.ftlh", this::causeIndex));
        for (String slug : byCause.keySet()) {
            pages.add(new Page(causeUrl(slug), "cause.ftlh", () -> cause(slug)));
        }
        pages.add(new Page("archive.html", "archive.ftlh", this::archive));
        pages.add(new Page("insights.html", "insights.ftlh", this::insights));
        pages.add(new Page("actions.html", "actions.ftlh", this::actionItems));
        pages.add(new Page("404.html", "404.ftlh", Pages.NotFound::new));
        pages.add(new Page("search.html", "search.ftlh", () -> new Pages.Search(Pages.Search.inline(searchManifest.get()), searchModules)));
        pages.add(new Page("feed.xml", "feed.ftlx", this::feed));
        List<String> sitemapUrls = pages.stream().map(Page::path).filter(path -> !path.equals("404.html") && !path.equals("search.html"))
                .filter(path -> path.endsWith(".html")).map(site::absolute).toList();
        pages.add(new Page("sitemap.xml", "sitemap.ftlx", () -> new Pages.Sitemap(sitemapUrls)));
        return pages;
    }

    /** The page of one incident, as {@link #pages()} has it; empty when the library does not publish it. */
    public java.util.Optional<Page> incidentPage(String id) {
        List<Postmortem> all = library.incidents();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) return java.util.Optional.of(incidentPage(i));
        }
        return java.util.Optional.empty();
    }

    private Page incidentPage(int i) {
        List<Postmortem> all = library.incidents();
        Postmortem p = all.get(i);
        Postmortem newer = i > 0 ? all.get(i - 1) : null;
        Postmortem older = i + 1 < all.size() ? all.get(i + 1) : null;
        return new Page(p.url(), "incident.ftlh", () -> incident(p, older, newer));
    }

    public static String causeUrl(String slug) {
        return "causes/" + slug.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".html";
    }

    Pages.Incident incident(Postmortem p, Postmortem older, Postmortem newer) {
        Facts f = p.facts();
        List<Views.Task> tasks = f.actionItems().stream().map(a -> new Task(a.text(), a.done())).toList();
        int done = (int) tasks.stream().filter(Task::done).count();
        return new Pages.Incident(
                p.title(), p.source(), Display.date(p.date()), p.date() == null ? null : p.date().toString(),
                Display.summaryLead(f.summary()), time(f.start()), time(f.end()), Display.duration(f.duration()),
                f.durationOrigin() == Facts.DurationOrigin.STATED ? "as stated in the text" : null,
                Display.lead(f.impact().text(), 180), Display.percent(f.impact().usersPercent()),
                facetChips(f.impactCategories(), "impact"), facetChips(f.components(), "component"),
                f.detection().how(), time(f.detection().time()),
                causeChips(f.causes()), f.causes().inferred(), p.keywords(),
                timeline(f), paragraphs(f.rootCause()), paragraphs(f.resolution()), tasks, tasks.size() - done, done,
                markdown.toHtml(p.body(), p.source(), p.url(), p.title()),
                related(p), link(older), link(newer), p.titleComposed(), p.authorTitle(), p.draft());
    }

    /** Plain text split where the author left a blank line. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) return List.of();
        return java.util.Arrays.stream(text.strip().split("\\n\\s*\\n")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
    }

    private static TimeView time(IncidentTime t) {
        if (t == null || Display.local(t) == null) return null;
        String note = switch (t.resolution()) {
            case EXPLICIT -> null;
            case DEFAULT -> "zone " + t.zone() + " is ambiguous; read as UTC" + t.offset();
            case UNKNOWN -> "zone " + t.zone() + " not recognised; UTC time unknown";
            case MISSING -> "no time zone given; UTC time unknown";
        };
        return new TimeView(Display.local(t), Display.utc(t), t.iso(), note);
    }

    private static List<TimelineRow> timeline(Facts f) {
        LocalDateTime start = f.start() == null ? null : f.start().local().orElse(null);
        List<TimelineRow> rows = new ArrayList<>();
        for (TimelineEntry e : f.timeline()) {
            String written = e.time() == null ? null : e.time().written();
            String relative = null;
            if (start != null && e.time() != null && e.time().local().isPresent()) {
                relative = Display.relative(Duration.between(start, e.time().local().get()));
            }
            String kind = e.kind().name().toLowerCase(Locale.ROOT);
            rows.add(new TimelineRow(written, relative, e.text(), kind, kindLabel(e.kind())));
        }
        return rows;
    }

    private static String kindLabel(TimelineEntry.Kind kind) {
        return switch (kind) {
            case DETECTION -> "Detection";
            case ACTION -> "Action";
            case MISLEADING -> "Misleading path";
            case ESCALATION -> "Escalation";
            case RESOLUTION -> "Resolution";
        };
    }

    private List<RelatedLink> related(Postmortem p) {
        List<RelatedLink> links = new ArrayList<>();
        for (Related r : library.relatedTo(p.id())) {
            Postmortem other = byId.get(r.id());
            if (other != null) links.add(new RelatedLink(other.url(), other.title(), r.reasons()));
        }
        return links;
    }

    private static Link link(Postmortem p) {
        return p == null ? null : new Link(p.url(), p.title());
    }

    /** Cause chips that carry the sentence each tag was read from. */
    private List<Chip> causeChips(dev.pmkb.model.Causes causes) {
        return causes.slugs().stream()
                .map(s -> new Chip(s, causeName(s), causeUrl(s), "cause", causes.evidenceFor(s))).toList();
    }

    private List<Chip> causeChips(List<String> slugs) {
        return slugs.stream().map(s -> new Chip(s, causeName(s), causeUrl(s), "cause")).toList();
    }

    /** Impact categories and components, by their taxonomy names. */
    private List<Chip> facetChips(List<String> values, String kind) {
        return values.stream().map(v -> {
            var tag = kind.equals("impact") ? library.taxonomy().impactCategory(v) : library.taxonomy().component(v);
            String name = tag.map(dev.pmkb.model.FacetTag::name).orElse(v);
            return new Chip(v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), name, null, kind);
        }).toList();
    }

    private String causeName(String slug) {
        return library.taxonomy().cause(slug).map(CauseTag::name).orElse(slug);
    }

    private IncidentCard card(Postmortem p) {
        Facts f = p.facts();
        return new IncidentCard(p.url(), p.title(), Display.date(p.date()),
                p.date() == null ? null : p.date().toString(), Display.duration(f.duration()),
                Display.percent(f.impact().usersPercent()), causeChips(f.causes().slugs()), f.causes().inferred(),
                p.draft());
    }

    Pages.Home home() {
        List<Postmortem> all = library.incidents();
        List<Postmortem> dated = all.stream().filter(p -> p.date() != null).toList();
        String first = dated.isEmpty() ? null : Display.date(dated.getLast().date());
        String last = dated.isEmpty() ? null : Display.date(dated.getFirst().date());
        List<Count> causes = causeCounts();
        List<Duration> durations = all.stream().map(p -> p.facts().duration()).filter(d -> d != null).sorted().toList();
        int openTasks = (int) all.stream().flatMap(p -> p.facts().actionItems().stream()).filter(a -> !a.done()).count();
        return new Pages.Home(all.size(), first, last, causes.size(), Display.duration(median(durations)), openTasks,
                all.stream().limit(NEWEST_ON_HOME).map(this::card).toList(),
                causes.stream().limit(TOP_CAUSES_ON_HOME).toList());
    }

    private List<Count> causeCounts() {
        return byCause.entrySet().stream()
                .map(e -> new Count(causeName(e.getKey()), causeUrl(e.getKey()), e.getValue().size()))
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name))
                .toList();
    }

    Pages.CauseIndex causeIndex() {
        return new Pages.CauseIndex(causeCounts());
    }

    Pages.Cause cause(String slug) {
        List<Postmortem> incidents = byCause.get(slug);
        Map<String, Integer> together = new HashMap<>();
        for (Postmortem p : incidents) {
            for (String other : p.facts().causes().slugs()) {
                if (!other.equals(slug)) together.merge(other, 1, Integer::sum);
            }
        }
        List<Count> coOccurring = together.entrySet().stream()
                .map(e -> new Count(causeName(e.getKey()), causeUrl(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name))
                .toList();
        List<Duration> durations = incidents.stream().map(p -> p.facts().duration())
                .filter(d -> d != null).sorted().toList();
        CauseTag tag = library.taxonomy().cause(slug).orElse(null);
        return new Pages.Cause(slug, causeName(slug), tag == null ? null : tag.definition(),
                incidents.stream().map(this::card).toList(), Display.duration(median(durations)), coOccurring);
    }

    static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) return null;
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    Pages.Archive archive() {
        Map<String, List<IncidentCard>> years = new LinkedHashMap<>();
        for (Postmortem p : library.incidents()) {
            String year = p.date() == null ? "Undated" : String.valueOf(p.date().getYear());
            years.computeIfAbsent(year, y -> new ArrayList<>()).add(card(p));
        }
        return new Pages.Archive(years.entrySet().stream().map(e -> new YearGroup(e.getKey(), e.getValue())).toList());
    }

    Pages.Insights insights() {
        List<Count> causes = causeCounts();
        String causesChart = SvgChart.horizontal("chart-causes", "Incidents per root cause",
                "Number of incidents tagged with each root cause; an incident may have several.",
                causes.stream().map(c -> new SvgChart.Bar(c.name(), c.count(), plural(c.count(), "incident"))).toList());

        Map<java.time.YearMonth, Integer> perMonth = new TreeMap<>();
        for (Postmortem p : library.incidents()) {
            if (p.date() != null) perMonth.merge(java.time.YearMonth.from(p.date()), 1, Integer::sum);
        }
        List<Count> months = new ArrayList<>();
        if (!perMonth.isEmpty()) {
            java.time.YearMonth last = ((TreeMap<java.time.YearMonth, Integer>) perMonth).lastKey();
            for (java.time.YearMonth m = ((TreeMap<java.time.YearMonth, Integer>) perMonth).firstKey();
                 !m.isAfter(last); m = m.plusMonths(1)) {
                months.add(new Count(m.toString(), null, perMonth.getOrDefault(m, 0)));
            }
        }
        String monthsChart = SvgChart.columns("chart-months", "Incidents per month",
                "Number of incidents that started in each month, oldest first.",
                months.stream().map(c -> new SvgChart.Bar(c.name(), c.count(), plural(c.count(), "incident"))).toList(),
                Math.max(1, months.size() / 8));

        List<Duration> durations = library.incidents().stream().map(p -> p.facts().duration())
                .filter(d -> d != null).sorted().toList();
        List<Count> durationBuckets = buckets(durations, DURATION_BUCKETS);
        String durationsChart = SvgChart.columns("chart-durations", "How long incidents lasted",
                "Number of incidents by duration, shortest first.", bars(durationBuckets), 1);

        List<Duration> detections = library.incidents().stream().map(SitePlanner::timeToDetect)
                .filter(d -> d != null).sorted().toList();
        List<Count> detectionBuckets = buckets(detections, DETECTION_BUCKETS);
        String detectionChart = SvgChart.columns("chart-detection", "Time to detect",
                "Number of incidents by the time from their start to their detection, as far as the timeline says.",
                bars(detectionBuckets), 1);

        return new Pages.Insights(library.incidents().size(), Display.duration(median(durations)), durations.size(),
                Display.duration(median(detections)), detections.size(), causesChart, causes, monthsChart, months,
                durationsChart, durationBuckets, detectionChart, detectionBuckets);
    }

    private record Bucket(String label, Duration upTo) {
    }

    private static final List<Bucket> DURATION_BUCKETS = List.of(
            new Bucket("< 30 min", Duration.ofMinutes(30)), new Bucket("30–60 min", Duration.ofHours(1)),
            new Bucket("1–2 h", Duration.ofHours(2)), new Bucket("2–4 h", Duration.ofHours(4)),
            new Bucket("4–8 h", Duration.ofHours(8)), new Bucket("8–24 h", Duration.ofHours(24)),
            new Bucket("> 1 day", null));

    private static final List<Bucket> DETECTION_BUCKETS = List.of(
            new Bucket("at once", Duration.ofMinutes(1)), new Bucket("< 5 min", Duration.ofMinutes(5)),
            new Bucket("5–15 min", Duration.ofMinutes(15)), new Bucket("15–60 min", Duration.ofHours(1)),
            new Bucket("1–4 h", Duration.ofHours(4)), new Bucket("> 4 h", null));

    private static List<Count> buckets(List<Duration> values, List<Bucket> buckets) {
        int[] counts = new int[buckets.size()];
        for (Duration d : values) {
            int i = 0;
            while (buckets.get(i).upTo() != null && d.compareTo(buckets.get(i).upTo()) >= 0) i++;
            counts[i]++;
        }
        List<Count> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) out.add(new Count(buckets.get(i).label(), null, counts[i]));
        return out;
    }

    private static List<SvgChart.Bar> bars(List<Count> counts) {
        return counts.stream().map(c -> new SvgChart.Bar(c.name(), c.count(), plural(c.count(), "incident"))).toList();
    }

    /** From the start to the detection, when both are known on the same clock; null otherwise. */
    static Duration timeToDetect(Postmortem p) {
        Facts f = p.facts();
        if (f.start() == null || f.start().local().isEmpty()) return null;
        IncidentTime detected = f.detection().time();
        if (detected == null || detected.local().isEmpty()) {
            detected = f.timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.DETECTION)
                    .map(TimelineEntry::time).filter(t -> t != null && t.local().isPresent()).findFirst().orElse(null);
        }
        if (detected == null) return null;
        Duration d = Duration.between(f.start().local().get(), detected.local().get());
        return d.isNegative() || d.toDays() > 30 ? null : d;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    Pages.ActionItems actionItems() {
        Map<dev.pmkb.model.ActionTheme, List<Views.ActionRow>> rows = new LinkedHashMap<>();
        Map<dev.pmkb.model.ActionTheme, Set<String>> incidents = new HashMap<>();
        int total = 0, open = 0;
        for (Postmortem p : library.incidents()) {
            for (dev.pmkb.model.ActionItem a : p.facts().actionItems()) {
                rows.computeIfAbsent(a.theme(), t -> new ArrayList<>())
                        .add(new Views.ActionRow(a.text(), a.done(), p.url(), p.title()));
                incidents.computeIfAbsent(a.theme(), t -> new HashSet<>()).add(p.id());
                total++;
                if (!a.done()) open++;
            }
        }
        // Themes that came up in the most incidents first; the catch-all last.
        List<Views.ActionTheme> themes = rows.entrySet().stream()
                .map(e -> new Views.ActionTheme(e.getKey().slug(), e.getKey().name(),
                        (int) e.getValue().stream().filter(r -> !r.done()).count(),
                        incidents.get(e.getKey()).size(), e.getValue()))
                .sorted(Comparator.comparing((Views.ActionTheme t) -> t.slug().equals("other"))
                        .thenComparing(Comparator.comparingInt(Views.ActionTheme::incidents).reversed())
                        .thenComparing(Views.ActionTheme::name))
                .toList();
        return new Pages.ActionItems(total, open, themes);
    }

    Pages.Feed feed() {
        List<FeedEntry> entries = library.incidents().stream().filter(p -> p.date() != null).limit(FEED_ENTRIES)
                .map(p -> new FeedEntry(site.baseUrl() == null ? "urn:pmkb:" + p.id() : site.absolute(p.url()),
                        site.absolute(p.url()), p.title(), p.date() + "T00:00:00Z", p.facts().summary()))
                .toList();
        String updated = entries.isEmpty() ? "1970-01-01T00:00:00Z" : entries.getFirst().updated();
        return new Pages.Feed(site.absolute("feed.xml"), site.absolute(""), updated, entries);
    }
}
