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
    /** Organisation slug → its incidents, newest first; and the name it is shown by (the first spelling met). */
    private final Map<String, List<Postmortem>> byOrganisation = new TreeMap<>();
    private final Map<String, String> organisationNames = new HashMap<>();

    private final Supplier<String> searchManifest;
    /** Each incident's card, made once: the archive, its cause pages, its organisation and the home page list it. */
    private final Map<String, IncidentCard> cards = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> searchModules;
    private static final java.util.regex.Pattern NOT_SLUG = java.util.regex.Pattern.compile("[^a-z0-9]+");

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
            String organisation = p.credits().organisation();
            if (organisation != null) {
                String slug = organisationSlug(organisation);
                byOrganisation.computeIfAbsent(slug, s -> new ArrayList<>()).add(p);
                organisationNames.putIfAbsent(slug, organisation.strip().replaceAll("\\s+", " "));
            }
        }
    }

    /** Organisations get pages of their own only when there are several to tell apart. */
    boolean hasOrganisationPages() {
        return byOrganisation.size() > 1;
    }

    /** "Acme Corp." and "ACME corp" are one organisation: its slug keeps letters and digits of any script. */
    static String organisationSlug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-+$", "");
        if (slug.equals("index")) return "index-organisation"; // organisations/index.html lists them all
        return slug.isEmpty() ? "organisation-" + Integer.toHexString(name.strip().hashCode()) : slug;
    }

    static String organisationUrl(String slug) {
        return "organisations/" + slug + ".html";
    }

    private static final String SEARCH_PAGE = "search.html";

    /** Whether building the page's model waits for the search export (the search page carries its manifest). */
    public static boolean waitsForSearchExport(Page page) {
        return page.path().equals(SEARCH_PAGE);
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
        if (hasOrganisationPages()) {
            pages.add(new Page("organisations/index.html", "organisations.ftlh", this::organisationIndex));
            for (String slug : byOrganisation.keySet()) {
                pages.add(new Page(organisationUrl(slug), "organisation.ftlh", () -> organisation(slug)));
            }
        }
        pages.add(new Page("insights.html", "insights.ftlh", this::insights));
        pages.add(new Page("actions.html", "actions.ftlh", this::actionItems));
        pages.add(new Page("404.html", "404.ftlh", Pages.NotFound::new));
        pages.add(new Page(SEARCH_PAGE, "search.ftlh", () -> new Pages.Search(Pages.Search.inline(searchManifest.get()), searchModules)));
        pages.add(new Page("feed.xml", "feed.ftlx", this::feed));
        // A sitemap's URLs must be absolute (search engines ignore relative ones): without the base URL there is none.
        if (site.baseUrl() != null) {
            List<String> sitemapUrls = pages.stream().map(Page::path).filter(path -> !path.equals("404.html") && !path.equals(SEARCH_PAGE))
                    .filter(path -> path.endsWith(".html")).map(site::absolute).toList();
            pages.add(new Page("sitemap.xml", "sitemap.ftlx", () -> new Pages.Sitemap(sitemapUrls)));
        }
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
        return new Page(p.url(), "incident.ftlh", () -> incident(p, older, newer), () -> incidentOutline(p, older, newer));
    }

    public static String causeUrl(String slug) {
        return "causes/" + NOT_SLUG.matcher(slug.toLowerCase(Locale.ROOT)).replaceAll("-") + ".html";
    }

    Pages.Incident incident(Postmortem p, Postmortem older, Postmortem newer) {
        return incident(p, older, newer, markdown.toHtml(p.body(), p.source(), p.url(), p.title()));
    }

    /**
     * The incident's page with its body's HTML left out when the renderer gives a key that stands for it: a build
     * cache then tells an unchanged page without reading the HTML.
     */
    Page.Outline incidentOutline(Postmortem p, Postmortem older, Postmortem newer) {
        BodyHtml body = markdown.bodyHtml(p.body(), p.source(), p.url(), p.title());
        if (body.key() == null) {
            Pages.Incident whole = incident(p, older, newer, body.html());
            return new Page.Outline(whole, null, () -> whole);
        }
        Pages.Incident partial = incident(p, older, newer, null);
        return new Page.Outline(partial, body.key(), () -> partial.withBodyHtml(body.html()));
    }

    private Pages.Incident incident(Postmortem p, Postmortem older, Postmortem newer, String bodyHtml) {
        Facts f = p.facts();
        List<Views.Task> tasks = f.actionItems().stream().map(SitePlanner::task).toList();
        int done = (int) tasks.stream().filter(Task::done).count();
        int open = (int) f.actionItems().stream().filter(dev.pmkb.model.ActionItem::open).count();
        return new Pages.Incident(
                p.title(), p.source(), Display.date(p.date()), p.date() == null ? null : p.date().toString(),
                Display.summaryLead(f.summary()), time(f.start()), time(f.end()), Display.duration(f.duration()),
                f.durationOrigin() == Facts.DurationOrigin.STATED ? "as stated in the text" : null,
                Display.lead(f.impact().text(), 180), Display.percent(f.impact().usersPercent()),
                facetChips(f.impactCategories(), "impact"), facetChips(f.components(), "component"),
                f.detection().how(), time(f.detection().time()),
                causeChips(f.causes()), f.causes().inferred(), p.keywords(),
                timeline(f), paragraphs(f.rootCause()), paragraphs(f.resolution()), tasks, open, done,
                bodyHtml, related(p), link(older), link(newer), p.titleComposed(), p.authorTitle(), p.draft(), credits(p));
    }

    private Views.SourceCredits credits(Postmortem p) {
        dev.pmkb.model.Credits c = p.credits();
        String host = null;
        if (c.sourceUrl() != null) {
            try {
                host = java.net.URI.create(c.sourceUrl()).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            if (host != null && host.startsWith("www.")) host = host.substring(4);
        }
        return new Views.SourceCredits(p.source(), site.sourceUrl(p.source()), site.editUrl(p.source()),
                c.sourceUrl(), host == null ? c.sourceUrl() : host, c.authors(), organisationChip(c.organisation()),
                c.severity());
    }

    private Chip organisationChip(String organisation) {
        if (organisation == null) return null;
        String slug = organisationSlug(organisation);
        return new Chip(slug, organisationNames.getOrDefault(slug, organisation),
                hasOrganisationPages() ? organisationUrl(slug) : null, "organisation");
    }

    Pages.OrganisationIndex organisationIndex() {
        return new Pages.OrganisationIndex(byOrganisation.entrySet().stream()
                .map(e -> new Count(organisationNames.get(e.getKey()), organisationUrl(e.getKey()), e.getValue().size()))
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    Pages.Organisation organisation(String slug) {
        List<Postmortem> incidents = byOrganisation.get(slug);
        Map<String, Integer> causes = new HashMap<>();
        for (Postmortem p : incidents) {
            for (String cause : p.facts().causes().slugs()) causes.merge(cause, 1, Integer::sum);
        }
        List<Duration> durations = incidents.stream().map(p -> p.facts().duration()).filter(d -> d != null).sorted().toList();
        return new Pages.Organisation(slug, organisationNames.get(slug), incidents.stream().map(this::card).toList(),
                Display.duration(median(durations)), causes.entrySet().stream()
                .map(e -> new Count(causeName(e.getKey()), causeUrl(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name)).toList());
    }

    /**
     * Plain text split where the author left a blank line. A paragraph written a line at a time keeps its line breaks
     * (the page shows them); in any other the breaks are spaces, as in the write-up.
     */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) return List.of();
        // by hand, not with the regexes \n\s*\n (to split) and \s*\n\s* (to join lines), which gave the same and were a
        // sixth of a rebake's render stage (every page model is built); \s is the regexes' ASCII white space
        String s = text.strip();
        List<String> paragraphs = new ArrayList<>();
        int from = 0;
        for (int i = s.indexOf('\n'); i >= 0; ) {
            int run = i + 1, lastBreak = -1;
            for (; run < s.length() && Display.isRegexSpace(s.charAt(run)); run++) {
                if (s.charAt(run) == '\n') lastBreak = run;
            }
            if (lastBreak < 0) {
                i = s.indexOf('\n', run);
                continue;
            }
            addParagraph(s.substring(from, i), paragraphs);
            from = lastBreak + 1;
            i = s.indexOf('\n', from);
        }
        addParagraph(s.substring(from), paragraphs);
        return List.copyOf(paragraphs);
    }

    private static void addParagraph(String piece, List<String> paragraphs) {
        String p = piece.strip();
        if (p.isEmpty()) return;
        paragraphs.add(p.indexOf('\n') < 0 || WrittenLines.writtenAsLines(p) ? p : joinLines(p));
    }

    /** Each run of white space that holds a line break as one space. */
    private static String joinLines(String p) {
        StringBuilder joined = new StringBuilder(p.length());
        int n = p.length();
        for (int i = 0; i < n; ) {
            char c = p.charAt(i);
            if (!Display.isRegexSpace(c)) {
                joined.append(c);
                i++;
                continue;
            }
            int end = i;
            boolean breaks = false;
            for (; end < n && Display.isRegexSpace(p.charAt(end)); end++) breaks |= p.charAt(end) == '\n';
            if (breaks) joined.append(' ');
            else joined.append(p, i, end);
            i = end;
        }
        return joined.toString();
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
        java.time.LocalDate day = f.start() == null ? null : f.start().date();
        for (TimelineEntry e : f.timeline()) {
            String written = Display.clock(e.time(), day);
            if (e.time() != null && e.time().date() != null) day = e.time().date();
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
            return new Chip(NOT_SLUG.matcher(v.toLowerCase(Locale.ROOT)).replaceAll("-"), name, null, kind);
        }).toList();
    }

    private String causeName(String slug) {
        return library.taxonomy().cause(slug).map(CauseTag::name).orElse(slug);
    }

    private IncidentCard card(Postmortem p) {
        return cards.computeIfAbsent(p.id(), id -> newCard(p));
    }

    private IncidentCard newCard(Postmortem p) {
        Facts f = p.facts();
        return new IncidentCard(p.url(), p.title(), Display.date(p.date()),
                p.date() == null ? null : p.date().toString(), Display.duration(f.duration()),
                Display.percent(f.impact().usersPercent()), causeChips(f.causes().slugs()), f.causes().inferred(),
                p.draft(), cardLine(p), organisationChip(p.credits().organisation()));
    }

    /** What a card says happened: see {@link Display#cardLine}. A header's tags come with no sentence of the text. */
    static String cardLine(Postmortem p) {
        Facts f = p.facts();
        String causeSentence = f.causes().inferred() && f.causes().primary() != null
                ? f.causes().evidenceFor(f.causes().primary()) : null;
        return Display.cardLine(f.summary(), causeSentence, f.rootCause());
    }

    Pages.Home home() {
        List<Postmortem> all = library.incidents();
        List<Postmortem> dated = all.stream().filter(p -> p.date() != null).toList();
        String first = dated.isEmpty() ? null : Display.date(dated.getLast().date());
        String last = dated.isEmpty() ? null : Display.date(dated.getFirst().date());
        List<Count> causes = causeCounts();
        List<Duration> durations = all.stream().map(p -> p.facts().duration()).filter(d -> d != null).sorted().toList();
        // only a task with a status can be open: a plain bullet is a recommendation nobody tracks
        int openTasks = (int) all.stream().flatMap(p -> p.facts().actionItems().stream())
                .filter(dev.pmkb.model.ActionItem::open).count();
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
        Map<String, List<Views.ArchiveRow>> years = new LinkedHashMap<>();
        Map<String, Integer> causeCounts = new HashMap<>(), componentCounts = new HashMap<>();
        Map<String, String> componentNames = new HashMap<>();
        for (Postmortem p : library.incidents()) {
            Facts f = p.facts();
            String year = p.date() == null ? "undated" : String.valueOf(p.date().getYear());
            List<String> components = new ArrayList<>();
            for (String component : f.components()) {
                String slug = facetSlug(component);
                if (components.contains(slug)) continue;
                components.add(slug);
                componentNames.putIfAbsent(slug, library.taxonomy().component(component)
                        .map(dev.pmkb.model.FacetTag::name).orElse(component));
                componentCounts.merge(slug, 1, Integer::sum);
            }
            f.causes().slugs().forEach(c -> causeCounts.merge(c, 1, Integer::sum));
            String organisation = p.credits().organisation();
            years.computeIfAbsent(year, y -> new ArrayList<>()).add(new Views.ArchiveRow(card(p),
                    f.duration() == null ? "" : String.valueOf(f.duration().toMinutes()),
                    f.impact().usersPercent() == null ? "" : Display.percent(f.impact().usersPercent()).replace("%", ""), year,
                    String.join(" ", f.causes().slugs()), String.join(" ", components),
                    organisation == null ? "" : organisationSlug(organisation)));
        }
        List<YearGroup> groups = years.entrySet().stream()
                .map(e -> new YearGroup(e.getKey().equals("undated") ? "Undated" : e.getKey(), e.getKey(), e.getValue()))
                .toList();
        List<Views.Filter> filters = new ArrayList<>();
        filters.add(new Views.Filter("cause", "Root cause", options(causeCounts, this::causeName)));
        filters.add(new Views.Filter("year", "Year", groups.stream()
                .map(g -> new Views.FilterOption(g.key(), g.year(), g.rows().size())).toList()));
        if (!componentCounts.isEmpty()) {
            filters.add(new Views.Filter("component", "Component", options(componentCounts, componentNames::get)));
        }
        if (hasOrganisationPages()) {
            Map<String, Integer> organisations = new HashMap<>();
            byOrganisation.forEach((slug, incidents) -> organisations.put(slug, incidents.size()));
            filters.add(new Views.Filter("organisation", "Organisation", options(organisations, organisationNames::get)));
        }
        return new Pages.Archive(library.incidents().size(), groups, filters, hasOrganisationPages());
    }

    /** A filter's values by name, each with how many incidents have it. */
    private static List<Views.FilterOption> options(Map<String, Integer> counts, Function<String, String> name) {
        return counts.entrySet().stream().map(e -> new Views.FilterOption(e.getKey(), name.apply(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Views.FilterOption::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static String facetSlug(String value) {
        return organisationSlug(value);
    }

    Pages.Insights insights() {
        return new Insights(library, this::causeName, SitePlanner::causeUrl, this::componentName).page(causeCounts());
    }

    private String componentName(String value) {
        return library.taxonomy().component(value).map(dev.pmkb.model.FacetTag::name).orElse(value);
    }

    /** From the start to the detection, when both are known on the same clock; null otherwise. */
    static Duration timeToDetect(Postmortem p) {
        return Insights.timeToDetect(p);
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static Task task(dev.pmkb.model.ActionItem a) {
        return new Task(a.text(), a.done(), a.tracked());
    }

    /**
     * Every task, by theme and within a theme by incident (newest first, as the library lists them), each incident
     * under the title lists use. Tracked tasks (a check box or a done mark) have a status; plain bullets do not, and
     * are neither open nor done.
     */
    Pages.ActionItems actionItems() {
        // incidents by id: a record's hash code walks all of it, body and facts (most of this page's cost at 10,000)
        Map<dev.pmkb.model.ActionTheme, Map<String, List<Task>>> byTheme = new LinkedHashMap<>();
        int total = 0, tracked = 0, open = 0;
        for (Postmortem p : library.incidents()) {
            for (dev.pmkb.model.ActionItem a : p.facts().actionItems()) {
                byTheme.computeIfAbsent(a.theme(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(p.id(), x -> new ArrayList<>()).add(task(a));
                total++;
                if (a.tracked()) tracked++;
                if (a.open()) open++;
            }
        }
        // Themes that came up in the most incidents first; the catch-all last.
        List<Views.ActionTheme> themes = byTheme.entrySet().stream()
                .map(e -> {
                    List<Views.ActionIncident> groups = e.getValue().entrySet().stream()
                            .map(g -> {
                                Postmortem p = byId.get(g.getKey());
                                return new Views.ActionIncident(p.url(), p.title(), Display.date(p.date()), g.getValue());
                            })
                            .toList();
                    List<Task> tasks = groups.stream().flatMap(g -> g.tasks().stream()).toList();
                    return new Views.ActionTheme(e.getKey().slug(), e.getKey().name(),
                            (int) tasks.stream().filter(t -> t.tracked() && !t.done()).count(),
                            (int) tasks.stream().filter(Task::tracked).count(), tasks.size(), groups.size(), groups);
                })
                .sorted(Comparator.comparing((Views.ActionTheme t) -> t.slug().equals("other"))
                        .thenComparing(Comparator.comparingInt(Views.ActionTheme::incidents).reversed())
                        .thenComparing(Views.ActionTheme::name))
                .toList();
        return new Pages.ActionItems(total, tracked, open, tracked - open, total - tracked, themes);
    }

    Pages.Feed feed() {
        List<FeedEntry> entries = library.incidents().stream().filter(p -> p.date() != null).limit(FEED_ENTRIES)
                .map(p -> new FeedEntry(site.baseUrl() == null ? "urn:pmkb:" + p.id() : site.absolute(p.url()),
                        site.absolute(p.url()), p.title(), p.date() + "T00:00:00Z", p.facts().summary(),
                        p.credits().authors(), p.facts().causes().slugs().stream().map(this::causeName).toList()))
                .toList();
        String updated = entries.isEmpty() ? "1970-01-01T00:00:00Z" : entries.getFirst().updated();
        // without the base URL, "./" (the folder of feed.xml) is the home page; an empty link would be the feed itself
        return new Pages.Feed(site.absolute("feed.xml"), site.baseUrl() == null ? "./" : site.absolute(""), updated, entries);
    }
}
