package dev.pmkb.bench;

import dev.pmkb.read.SourceReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns a generated library into a Hugo site that makes the same kinds of pages as pmkb, so that both bake
 * the same postmortems: one page per incident with previous/next links, a home page listing every incident,
 * the incident section grouped by year, one page per root cause and a page of all causes, RSS and a sitemap.
 * Titles, dates and causes come from the library's facts file (what pmkb's understanding stage is meant to
 * find), the body is the file without its header.
 *
 * <p>Usage: {@code HugoProject CONTENT_DIR FACTS_TSV HUGO_DIR} (HUGO_DIR must not exist).
 */
public final class HugoProject {

    private HugoProject() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: HugoProject CONTENT_DIR FACTS_TSV HUGO_DIR");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    }

    static void write(Path library, Path facts, Path hugo) throws IOException {
        if (Files.exists(hugo)) throw new IOException("already exists: " + hugo);
        for (Map.Entry<String, String> file : SITE.entrySet()) {
            Path target = hugo.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        List<String> lines = Files.readAllLines(facts);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            String source = f[0], title = f[1], date = f[2], causes = f[8];
            String body = SourceReader.read(library, library.resolve(source)).markdown();
            Path target = hugo.resolve("content/incidents").resolve(source);
            Files.createDirectories(target.getParent());
            Files.writeString(target, "---\ntitle: \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
                    + "date: " + date + "\n"
                    + "tags: [" + String.join(", ", causes.split(",")) + "]\n---\n" + body);
        }
    }

    /** Settings and layouts, kept as small as pmkb's templates are plain. */
    private static final Map<String, String> SITE = Map.of(
            "config.toml", """
                    baseURL = "https://example.org/postmortems/"
                    title = "Postmortems"
                    uglyURLs = true
                    rssLimit = 20
                    [taxonomies]
                      tag = "tags"
                    [outputs]
                      home = ["HTML", "RSS"]
                      section = ["HTML"]
                      taxonomy = ["HTML"]
                      term = ["HTML"]
                    """,
            "layouts/_default/baseof.html", """
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
                    <link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
                    <body><nav><a href="{{ "" | relURL }}">Home</a> <a href="{{ "incidents.html" | relURL }}">Archive</a>
                    <a href="{{ "tags.html" | relURL }}">Causes</a></nav>
                    <main>{{ block "main" . }}{{ end }}</main></body></html>
                    """,
            "layouts/_default/single.html", """
                    {{ define "main" }}<article><h1>{{ .Title }}</h1>
                    <p><time>{{ .Date.Format "2006-01-02" }}</time>
                    {{ range .Params.tags }}<a href="{{ (printf "tags/%s.html" (. | urlize)) | relURL }}">{{ . }}</a> {{ end }}</p>
                    {{ .Content }}</article>
                    <nav>{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
                    {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
                    """,
            "layouts/index.html", """
                    {{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>
                    {{ range where .Site.RegularPages "Section" "incidents" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
                    <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>{{ end }}
                    """,
            "layouts/_default/list.html", """
                    {{ define "main" }}<h1>{{ .Title }}</h1>
                    {{ range .Pages.GroupByDate "2006" }}<h2>{{ .Key }}</h2><ul>
                    {{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
                    """,
            "layouts/_default/terms.html", """
                    {{ define "main" }}<h1>Root causes</h1><ul>
                    {{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
                    </ul>{{ end }}
                    """,
            "layouts/404.html", """
                    {{ define "main" }}<h1>Not found</h1>{{ end }}
                    """,
            "static/style.css", "body { font-family: sans-serif; max-width: 50rem; margin: auto; }\n");
}
