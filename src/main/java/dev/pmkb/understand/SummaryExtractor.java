package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The summary a reader reads first: the summary section, its labelled parts, or the opening prose. */
final class SummaryExtractor implements Extractor<String> {

    /** "Issue Summary:" followed by top-level "Duration:", "Impact:" and "Root Cause:" lines: all one summary. */
    static final Set<SectionKind> SUMMARY_PARTS = Set.of(SectionKind.DURATION, SectionKind.IMPACT,
            SectionKind.ROOT_CAUSE, SectionKind.DETECTION);
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    @Override
    public String extract(Reading r) {
        List<String> parts = new ArrayList<>();
        Section summary = null;
        for (Section s : r.sections) {
            if (s.kind() == SectionKind.SUMMARY && s.parent() == null) {
                summary = s;
                break;
            }
        }
        if (summary != null) {
            if (!summary.isEmpty()) return PlainText.clip(firstParagraphs(r.textOf(summary), 3), 2000);
            // "**Issue Summary:**" with only labelled sub-items: the sub-items are the summary.
            boolean inside = false;
            for (Section s : r.sections) {
                if (s == summary) {
                    inside = true;
                    continue;
                }
                boolean part = s.parent() == SectionKind.SUMMARY || SUMMARY_PARTS.contains(s.kind());
                if (inside && part && !s.isEmpty()) {
                    parts.add(s.heading() + ": " + r.textOf(s).replace('\n', ' '));
                } else if (inside && !part) {
                    break;
                }
            }
            if (!parts.isEmpty()) return PlainText.clip(String.join("\n", parts), 2000);
        }
        // No summary heading: leading "Duration:", "Impact:" lines say what a summary would.
        for (Section s : r.sections) {
            if (SUMMARY_PARTS.contains(s.kind()) && s.parent() == null && !s.isEmpty()) {
                parts.add(s.heading() + ": " + r.textOf(s).replace('\n', ' '));
            } else if (!parts.isEmpty() || s.kind() != SectionKind.PREAMBLE) {
                break;
            }
        }
        if (!parts.isEmpty()) return PlainText.clip(String.join("\n", parts), 2000);
        for (Section s : r.sections) {
            if (s.kind() == SectionKind.PREAMBLE || s.kind() == SectionKind.OTHER) {
                String p = firstProse(s);
                if (p != null) return PlainText.clip(p, 2000);
            }
        }
        return null;
    }

    /** The first paragraph of prose: not a heading, image, title line or bullet of labels. */
    private static String firstProse(Section s) {
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
        String[] paras = PlainText.paragraphs(text);
        return String.join("\n\n", Arrays.asList(paras).subList(0, Math.min(max, paras.length))).strip();
    }
}
