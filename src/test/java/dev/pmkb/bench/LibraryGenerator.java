package dev.pmkb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a library of synthetic postmortems whose facts are known, for benchmarks and for checking how
 * accurately pmkb reads them.
 *
 * <p>Usage: {@code LibraryGenerator N SEED OUT}. Writes {@code OUT/<year>/<slug>.md} and, beside the content
 * folder so that it is never baked, {@code OUT-facts.tsv} with one line of known facts per file. The same N and
 * seed always give byte-identical files, and a library is a prefix of any larger one with the same seed
 * (incident i depends only on the seed and i), so sizes compare like with like.
 */
public final class LibraryGenerator {

    /** How a postmortem announces its metadata; real libraries mix all three. */
    enum Format { ALX, JBAKE, YAML }

    /**
     * A time zone as authors write it. {@code daylightName} is written instead of {@code name} while the rules
     * say daylight saving time is in force (CET/CEST, PST/PDT); an empty name means "no zone written".
     */
    record Zone(String name, String daylightName, ZoneId rules, int weight) {
        boolean written() {
            return !name.isEmpty();
        }

        String nameAt(ZonedDateTime t) {
            return daylightName != null && rules.getRules().isDaylightSavings(t.toInstant()) ? daylightName : name;
        }
    }

    static final List<Zone> ZONES = List.of(
            new Zone("UTC", null, ZoneOffset.UTC, 24),
            new Zone("WAT", null, ZoneOffset.ofHours(1), 14),
            new Zone("GMT+1", null, ZoneOffset.ofHours(1), 8),
            new Zone("CET", "CEST", ZoneId.of("Europe/Berlin"), 10),
            new Zone("PST", "PDT", ZoneId.of("America/Los_Angeles"), 10),
            new Zone("EST", null, ZoneOffset.ofHours(-5), 8),
            new Zone("EAT", null, ZoneOffset.ofHours(3), 6),
            new Zone("IST", null, ZoneOffset.ofHoursMinutes(5, 30), 6),
            // No zone anywhere in the text: times are local and the facts carry no offset.
            new Zone("", null, ZoneOffset.UTC, 14));

    /** Names an incident's title and text share: the host, release, data center and event involved. */
    record Names(String host, String version, String dataCenter, String event) {
    }

    /** The known facts of one generated postmortem; its text is written by {@link PostmortemWriter}. */
    record Incident(int index, String source, String title, Format format, ZonedDateTime start, ZonedDateTime end,
                    Zone zone, int impactPercent, List<String> causes, String service, List<String> components,
                    Names names) {

        long durationMinutes() {
            return java.time.Duration.between(start, end).toMinutes();
        }

        static final String TSV_HEADER = String.join("\t", "source", "title", "date", "start", "end", "zone",
                "duration_minutes", "impact_percent", "causes", "format", "components");

        private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");
        private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

        /** Times carry an offset only when the text names a zone: a reader cannot know more than that. */
        String tsvLine() {
            DateTimeFormatter iso = zone.written() ? WITH_OFFSET : LOCAL;
            return String.join("\t", source, title, start.toLocalDate().toString(), iso.format(start),
                    iso.format(end), zone.written() ? zone.nameAt(start) : "", Long.toString(durationMinutes()),
                    Integer.toString(impactPercent), String.join(",", causes), format.name().toLowerCase(Locale.ROOT),
                    String.join(",", components));
        }
    }

    private LibraryGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LibraryGenerator N SEED OUT_DIR");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]).toAbsolutePath();
        List<Incident> incidents = generate(n, seed, out);
        System.out.printf(Locale.ROOT, "wrote %d postmortems to %s and their facts to %s%n", incidents.size(), out,
                factsFile(out));
    }

    /** Where the facts of the library in {@code contentFolder} are written: beside it, never inside. */
    public static Path factsFile(Path contentFolder) {
        return contentFolder.resolveSibling(contentFolder.getFileName() + "-facts.tsv");
    }

    /**
     * Writes {@code n} postmortems into {@code out}, which must be empty or absent, then the facts file. The
     * facts file is written last, so its presence means the library is complete.
     */
    public static List<Incident> generate(int n, long seed, Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) throw new IOException("not empty: " + out);
            }
        }
        Files.deleteIfExists(factsFile(out));
        List<Incident> incidents = new ArrayList<>(n);
        StringBuilder facts = new StringBuilder(Incident.TSV_HEADER).append('\n');
        for (int i = 0; i < n; i++) {
            // One generator per incident, seeded by (seed, i) only: incident i is the same in every library size.
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
            Incident incident = invent(i, random);
            Path file = out.resolve(incident.source());
            Files.createDirectories(file.getParent());
            Files.writeString(file, PostmortemWriter.write(incident, random));
            incidents.add(incident);
            facts.append(incident.tsvLine()).append('\n');
        }
        Files.writeString(factsFile(out), facts);
        return incidents;
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST_DAY.toEpochDay());

    static Incident invent(int index, SplittableRandom r) {
        Vocabulary.Cause cause = pick(r, Vocabulary.CAUSES);
        List<String> causes = new ArrayList<>(List.of(cause.tag()));
        if (r.nextInt(100) < 30) {
            String second = pick(r, Vocabulary.SECONDARY_CAUSES);
            if (!causes.contains(second)) causes.add(second);
        }
        List<String> components = new ArrayList<>(List.of(pick(r, cause.components())));
        if (r.nextBoolean()) {
            String other = pick(r, Vocabulary.OTHER_SYSTEMS);
            if (!other.startsWith("the ") && !components.contains(other)) components.add(other);
        }
        String service = pick(r, Vocabulary.SERVICES);
        // Names that titles and text share, so that both tell the same story.
        Names names = new Names(
                pick(r, List.of("web", "api", "db-primary", "worker", "cache", "k8s-node", "lb")) + "-"
                        + String.format(Locale.ROOT, "%02d", 1 + r.nextInt(60)) + "." + pick(r, Vocabulary.REGIONS),
                (1 + r.nextInt(9)) + "." + r.nextInt(30) + "." + r.nextInt(10),
                pick(r, Vocabulary.DATA_CENTERS), pick(r, Vocabulary.EVENTS));
        String title = PostmortemWriter.capitalize(pick(r, cause.titles())
                .replace("{svc}", service).replace("{comp}", components.getFirst()).replace("{host}", names.host())
                .replace("{ver}", names.version()).replace("{dc}", names.dataCenter()).replace("{event}", names.event()));

        Zone zone = pickWeighted(r);
        ZonedDateTime start = startTime(r, zone);
        ZonedDateTime end = start.plusMinutes(durationMinutes(r, start));
        int impact = 1 + r.nextInt(100);
        Format format = switch (r.nextInt(100) / 25) {
            case 0 -> Format.JBAKE;
            case 1 -> Format.YAML;
            default -> Format.ALX;
        };
        String source = start.getYear() + "/" + slug(title) + "-" + index + ".md";
        return new Incident(index, source, title, format, start, end, zone, impact, causes, service, components, names);
    }

    /** About one incident in eight starts late in the evening and runs past midnight. */
    private static ZonedDateTime startTime(SplittableRandom r, Zone zone) {
        LocalDate day = FIRST_DAY.plusDays(r.nextInt(DAYS));
        LocalTime time = r.nextInt(8) == 0
                ? LocalTime.of(22, 30).plusMinutes(r.nextInt(85))
                : LocalTime.of(0, 0).plusMinutes(r.nextInt(22 * 60));
        return ZonedDateTime.of(LocalDateTime.of(day, time), zone.rules());
    }

    private static long durationMinutes(SplittableRandom r, ZonedDateTime start) {
        int p = r.nextInt(100);
        if (start.getHour() >= 22) return 60 + r.nextInt(240);   // crosses midnight
        if (p < 70) return 8 + r.nextInt(172);
        if (p < 95) return 180 + r.nextInt(540);
        return 720 + r.nextInt(2160);                              // the long ones: half a day to two days
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (s.length() > 60) s = s.substring(0, 60).replaceAll("-[^-]*$", "");
        return s;
    }

    static <T> T pick(SplittableRandom r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static Zone pickWeighted(SplittableRandom r) {
        int total = ZONES.stream().mapToInt(Zone::weight).sum();
        int x = r.nextInt(total);
        for (Zone z : ZONES) {
            x -= z.weight();
            if (x < 0) return z;
        }
        throw new IllegalStateException("weights");
    }
}
