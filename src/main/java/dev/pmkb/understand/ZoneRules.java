package dev.pmkb.understand;

import dev.pmkb.model.IncidentTime.ZoneResolution;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a zone as written ("WAT", "(GMT+1)", "Pacific Time", "Africa/Lagos") to a UTC offset at a date.
 * Abbreviations are not unique (IST is India, Ireland or Israel), so ambiguous ones go through a default the
 * library can override ({@code pmkb.zone.IST=Asia/Jerusalem}) and are flagged; text pmkb does not know is kept
 * and never read as UTC.
 */
final class ZoneRules {

    /** A zone as written, resolved (or not) at a given date. */
    record Resolved(ZoneOffset offset, ZoneResolution resolution, String note) {
    }

    private static final Map<String, String> UNAMBIGUOUS = new HashMap<>();
    private static final Map<String, String> AMBIGUOUS_DEFAULTS = new HashMap<>();
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String s : new String[] {"UTC", "UT", "Z", "GMT", "ZULU", "UTC0", "GMT0"}) UNAMBIGUOUS.put(s, "+00:00");
        put(UNAMBIGUOUS, "WAT=+01:00 CAT=+02:00 EAT=+03:00 SAST=+02:00 CET=+01:00 CEST=+02:00 MET=+01:00 MEST=+02:00"
                + " EET=+02:00 EEST=+03:00 WET=+00:00 WEST=+01:00 PST=-08:00 PDT=-07:00 MST=-07:00 MDT=-06:00"
                + " CDT=-05:00 EST=-05:00 EDT=-04:00 HST=-10:00 AKST=-09:00 AKDT=-08:00 JST=+09:00 KST=+09:00"
                + " AEST=+10:00 AEDT=+11:00 ACST=+09:30 ACDT=+10:30 AWST=+08:00 NZST=+12:00 NZDT=+13:00 MSK=+03:00"
                + " SGT=+08:00 HKT=+08:00 PHT=+08:00 WIB=+07:00 PKT=+05:00 NPT=+05:45 BDT=+06:00 ICT=+07:00"
                + " ART=-03:00 BRT=-03:00 CLT=-04:00 COT=-05:00 PET=-05:00 TRT=+03:00 EGY=+02:00 NDT=-02:30 NST=-03:30"
                + " ADT=-03:00 IDT=+03:00 IRST=+03:30 UZT=+05:00 ALMT=+05:00");
        // Region-wide names whose offset depends on the date (daylight saving).
        put(UNAMBIGUOUS, "PT=America/Los_Angeles ET=America/New_York CT=America/Chicago MT=America/Denver"
                + " AKT=America/Anchorage");
        put(AMBIGUOUS_DEFAULTS, "IST=Asia/Kolkata CST=America/Chicago BST=Europe/London AST=America/Halifax"
                + " GST=Asia/Dubai");

        names("+01:00", "west africa time", "west african time", "west africa standard time",
                "west african standard time", "western africa time", "nigeria time", "nigerian time", "lagos time");
        names("+02:00", "central africa time", "central african time", "south africa standard time",
                "south african standard time", "south africa time", "egypt standard time");
        names("+03:00", "east africa time", "east african time", "east africa standard time", "arabia standard time",
                "arabian standard time", "moscow standard time", "moscow time", "eat east africa time");
        names("+00:00", "coordinated universal time", "universal time", "greenwich mean time", "utc time", "gmt time",
                "zulu time");
        names("America/Los_Angeles", "pacific time", "pacific");
        names("-08:00", "pacific standard time");
        names("-07:00", "pacific daylight time", "mountain standard time");
        names("America/Denver", "mountain time");
        names("-06:00", "mountain daylight time", "central standard time");
        names("America/Chicago", "central time");
        names("-05:00", "central daylight time", "eastern standard time");
        names("America/New_York", "eastern time", "eastern");
        names("-04:00", "eastern daylight time", "atlantic standard time");
        names("Europe/Paris", "central european time", "cet cest", "cest cet");
        names("+02:00", "central european summer time", "eastern european time");
        names("+03:00", "eastern european summer time");
        names("Europe/Lisbon", "western european time");
        names("America/Los_Angeles", "pst pdt", "pdt pst");
        names("America/New_York", "est edt", "edt est");
        names("America/Chicago", "cst cdt", "cdt cst");
        names("America/Denver", "mst mdt", "mdt mst");
        names("Europe/London", "gmt bst", "bst gmt", "british summer time", "uk time", "london time");
        names("Asia/Kolkata", "india standard time", "indian standard time");
        names("+09:00", "japan standard time", "korea standard time");
        names("+08:00", "china standard time", "singapore time", "singapore standard time");
        names("Australia/Sydney", "australian eastern time", "aest aedt");
        names("+10:00", "australian eastern standard time");
        names("Pacific/Auckland", "new zealand time");
    }

    /** Ambiguous abbreviations and their meanings, named in the warning so the owner knows what to set. */
    private static final Map<String, String> AMBIGUITY = Map.of(
            "IST", "India, Ireland or Israel", "CST", "US Central, China or Cuba",
            "BST", "British Summer Time or Bangladesh", "AST", "Atlantic or Arabia", "GST", "Gulf or South Georgia");

    private static final Pattern NUMERIC = Pattern.compile(
            "(?i)^(?:(UTC|GMT|UT)\\s*)?([+\\-−–])\\s*(\\d{1,2})(?::?(\\d{2}))?$");
    private static final Pattern IANA = Pattern.compile("^[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_\\-]+){1,2}$");
    private static final Set<String> NOT_A_ZONE = Set.of("local time", "local", "server time", "system time",
            "our time", "my time", "timezone", "time zone", "local timezone");

    private final Map<String, String> overrides;

    private ZoneRules(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    static ZoneRules defaults() {
        return new ZoneRules(Map.of());
    }

    /** Reads {@code pmkb.zone.<ABBR>=<IANA id or offset>} keys; invalid values are ignored. */
    static ZoneRules from(Properties config) {
        Map<String, String> overrides = new HashMap<>();
        if (config != null) {
            for (String key : config.stringPropertyNames()) {
                if (!key.startsWith("pmkb.zone.")) continue;
                String abbr = key.substring("pmkb.zone.".length()).strip().toUpperCase(Locale.ROOT);
                String value = config.getProperty(key).strip();
                if (!abbr.isEmpty() && zoneOf(value) != null) overrides.put(abbr, value);
            }
        }
        return new ZoneRules(overrides);
    }

    private static void put(Map<String, String> map, String pairs) {
        for (String pair : pairs.split(" ")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
    }

    private static void names(String zone, String... names) {
        for (String n : names) NAMES.put(n, zone);
    }

    /** True when {@code written} is text that should be shown as a zone (known or not). */
    static boolean isNotAZone(String written) {
        return NOT_A_ZONE.contains(PlainText.words(written));
    }

    /** True when {@code token} (upper case) is an abbreviation pmkb or the site knows. */
    boolean knowsAbbreviation(String token) {
        String t = token.toUpperCase(Locale.ROOT);
        return overrides.containsKey(t) || UNAMBIGUOUS.containsKey(t) || AMBIGUOUS_DEFAULTS.containsKey(t);
    }

    /**
     * The offset of {@code written} at {@code date} (and {@code time}, for daylight-saving changes). A date-
     * dependent zone without a date resolves to nothing rather than to a guess.
     */
    Resolved resolve(String written, LocalDate date, LocalTime time) {
        if (written == null || written.isBlank()) return new Resolved(null, ZoneResolution.MISSING, null);
        String w = written.strip();
        if (w.startsWith("(") && w.endsWith(")")) w = w.substring(1, w.length() - 1).strip();
        Matcher numeric = NUMERIC.matcher(w);
        if (numeric.matches()) {
            // Human "GMT+1" means one hour ahead of UTC: the opposite of POSIX Etc/GMT+1.
            int hours = Integer.parseInt(numeric.group(3));
            int minutes = numeric.group(4) == null ? 0 : Integer.parseInt(numeric.group(4));
            int sign = numeric.group(2).equals("+") ? 1 : -1;
            if (hours > 14 || minutes > 59) return new Resolved(null, ZoneResolution.UNKNOWN, null);
            return new Resolved(ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60)),
                    ZoneResolution.EXPLICIT, null);
        }
        String upper = w.toUpperCase(Locale.ROOT);
        String override = overrides.get(upper);
        if (override != null) {
            ZoneResolution how = AMBIGUOUS_DEFAULTS.containsKey(upper) ? ZoneResolution.DEFAULT : ZoneResolution.EXPLICIT;
            return at(override, date, time, how, how == ZoneResolution.DEFAULT ? ambiguity(upper, override) : null);
        }
        if (UNAMBIGUOUS.containsKey(upper)) {
            Resolved r = at(UNAMBIGUOUS.get(upper), date, time, ZoneResolution.EXPLICIT, null);
            return withDaylightNote(upper, date, r);
        }
        if (AMBIGUOUS_DEFAULTS.containsKey(upper)) {
            String zone = AMBIGUOUS_DEFAULTS.get(upper);
            return at(zone, date, time, ZoneResolution.DEFAULT, ambiguity(upper, zone));
        }
        if (IANA.matcher(w).matches()) {
            Resolved r = at(w, date, time, ZoneResolution.EXPLICIT, null);
            if (r.resolution() != ZoneResolution.UNKNOWN) return r;
        }
        String words = PlainText.words(w);
        String named = NAMES.get(words);
        if (named == null && words.endsWith(" zone")) named = NAMES.get(words.substring(0, words.length() - 5));
        if (named == null && words.endsWith(" timezone")) named = NAMES.get(words.substring(0, words.length() - 9).strip());
        if (named == null && words.contains(" ")) {
            // "UTC timezone", "WAT (West African Time)", "EAT East Africa Time": the first word may carry it.
            String first = words.substring(0, words.indexOf(' ')).toUpperCase(Locale.ROOT);
            String tail = words.substring(words.indexOf(' ') + 1);
            // Only when the rest merely restates it: "West saudi arabia Time" is not WEST.
            boolean restates = tail.matches("(?:standard |local )?(?:time|timezone|time zone|zone)") || NAMES.containsKey(tail);
            if (restates && UNAMBIGUOUS.containsKey(first)) return withDaylightNote(first, date,
                    at(UNAMBIGUOUS.get(first), date, time, ZoneResolution.EXPLICIT, null));
            if (restates && AMBIGUOUS_DEFAULTS.containsKey(first)) return resolve(first, date, time);
            Matcher numericFirst = NUMERIC.matcher(w.split("[\\s(]+")[0]);
            if (numericFirst.matches()) return resolve(w.split("[\\s(]+")[0], date, time);
        }
        if (named != null) return at(named, date, time, ZoneResolution.EXPLICIT, null);
        return new Resolved(null, ZoneResolution.UNKNOWN,
                "unknown time zone \"" + written.strip() + "\": kept as written, not read as UTC"
                        + " (set pmkb.zone.<ABBR> in jbake.properties or write an offset like UTC+3)");
    }

    private static String ambiguity(String abbr, String zone) {
        String meanings = AMBIGUITY.getOrDefault(abbr, "several zones");
        return "ambiguous time zone " + abbr + " (" + meanings + ") read as " + zone
                + "; set pmkb.zone." + abbr + " in jbake.properties to choose";
    }

    /** PST written for a summer date is a common slip; the offset stays as written but the reader is told. */
    private static Resolved withDaylightNote(String abbr, LocalDate date, Resolved r) {
        if (date == null || r.offset() == null) return r;
        String region = switch (abbr) {
            case "PST" -> "America/Los_Angeles";
            case "EST" -> "America/New_York";
            case "CST" -> "America/Chicago";
            case "MST" -> "America/Denver";
            case "CET" -> "Europe/Paris";
            case "EET" -> "Europe/Athens";
            case "WET" -> "Europe/Lisbon";
            case "AEST" -> "Australia/Sydney";
            case "NZST" -> "Pacific/Auckland";
            default -> null;
        };
        if (region == null) return r;
        ZoneId zone = ZoneId.of(region);
        if (zone.getRules().isDaylightSavings(date.atTime(12, 0).atZone(zone).toInstant())) {
            return new Resolved(r.offset(), r.resolution(), abbr + " written for " + date
                    + ", when daylight saving time applies; read as standard time UTC" + r.offset().getId());
        }
        return r;
    }

    private static Resolved at(String zone, LocalDate date, LocalTime time, ZoneResolution how, String note) {
        ZoneId id = zoneOf(zone);
        if (id == null) return new Resolved(null, ZoneResolution.UNKNOWN, null);
        if (id instanceof ZoneOffset fixed) return new Resolved(fixed, how, note);
        if (id.getRules().isFixedOffset()) return new Resolved(id.getRules().getOffset(java.time.Instant.EPOCH), how, note);
        if (date == null) return new Resolved(null, how, note);
        LocalDateTime local = LocalDateTime.of(date, time == null ? LocalTime.NOON : time);
        return new Resolved(id.getRules().getOffset(local), how, note);
    }

    private static ZoneId zoneOf(String value) {
        try {
            if (value.startsWith("+") || value.startsWith("-")) return ZoneOffset.of(value);
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
