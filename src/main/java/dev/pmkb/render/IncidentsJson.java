package dev.pmkb.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmkb.model.ActionItem;
import dev.pmkb.model.CauseEvidence;
import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.Library;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import dev.pmkb.model.TimelineEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code incidents.json}, the library's facts for other tools (schema {@code pmkb/incidents@1},
 * documented in docs/incidents-json.md). Streamed, so its memory does not grow with the library.
 */
public final class IncidentsJson {

    public static final String SCHEMA = "pmkb/incidents@1";

    private IncidentsJson() {
    }

    public static void write(Library library, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeArrayFieldStart("incidents");
            for (Postmortem p : library.incidents()) {
                writeIncident(json, p, library.relatedTo(p.id()));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeIncident(JsonGenerator json, Postmortem p, List<Related> related) throws IOException {
        Facts f = p.facts();
        json.writeStartObject();
        json.writeStringField("id", p.id());
        json.writeStringField("source", p.source());
        json.writeStringField("url", p.url());
        json.writeStringField("title", p.title());
        json.writeBooleanField("titleComposed", p.titleComposed());
        json.writeStringField("authorTitle", p.authorTitle());
        json.writeStringField("date", p.date() == null ? null : p.date().toString());
        json.writeStringField("organisation", p.credits().organisation());
        writeStrings(json, "authors", p.credits().authors());
        json.writeStringField("severity", p.credits().severity());
        json.writeStringField("sourceUrl", p.credits().sourceUrl());
        json.writeStringField("start", iso(f.start()));
        json.writeStringField("end", iso(f.end()));
        IncidentTime zoned = f.start() != null ? f.start() : f.end();
        json.writeStringField("zone", zoned == null ? null : zoned.zone());
        json.writeStringField("zoneResolution",
                zoned == null ? null : zoned.resolution().name().toLowerCase(Locale.ROOT));
        if (f.duration() == null) json.writeNullField("durationMinutes");
        else json.writeNumberField("durationMinutes", f.duration().toMinutes());
        if (f.impact().usersPercent() == null) json.writeNullField("impactPercent");
        else json.writeNumberField("impactPercent", f.impact().usersPercent());
        writeStrings(json, "impactCategories", f.impactCategories());
        writeStrings(json, "components", f.components());
        writeStrings(json, "causes", f.causes().slugs());
        json.writeBooleanField("causesInferred", f.causes().inferred());
        json.writeArrayFieldStart("causeEvidence");
        for (CauseEvidence e : f.causes().evidence()) {
            json.writeStartObject();
            json.writeStringField("cause", e.slug());
            json.writeStringField("sentence", e.sentence());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("detection", f.detection().how());
        json.writeArrayFieldStart("actionItems");
        for (ActionItem a : f.actionItems()) {
            json.writeStartObject();
            json.writeStringField("text", a.text());
            json.writeBooleanField("done", a.done());
            json.writeBooleanField("tracked", a.tracked());
            json.writeStringField("theme", a.theme().slug());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("timeline");
        for (TimelineEntry e : f.timeline()) {
            json.writeStartObject();
            json.writeStringField("time", iso(e.time()));
            json.writeStringField("text", e.text());
            json.writeStringField("kind", e.kind().name().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("related");
        for (Related r : related) {
            json.writeStartObject();
            json.writeStringField("id", r.id());
            json.writeNumberField("score", Math.round(r.score() * 1000) / 1000.0);
            writeStrings(json, "reasons", r.reasons());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static String iso(IncidentTime t) {
        return t == null ? null : t.iso();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) json.writeString(v);
        json.writeEndArray();
    }
}
