package org.cppcc.archive.document.service;

import java.util.ArrayList;
import java.util.List;

import org.cppcc.archive.document.api.SpeechDetail;
import org.cppcc.archive.document.api.SpeechDetail.Paragraph;
import org.cppcc.archive.document.api.SpeechInput.SectionInput;

/**
 * A speech body as split and merge see it: lead paragraphs, then sections with their headings and paragraphs.
 * Both operations only move paragraphs and headings, never change, drop or add one, so the text of the two
 * speeches together stays the text of the one (and the other way round).
 */
record SpeechBody(List<String> lead, List<SectionInput> sections) {

    /** The body before the split point and the body from it on; neither is empty. */
    record Halves(SpeechBody first, SpeechBody second) {
    }

    SpeechBody {
        lead = List.copyOf(lead);
        sections = List.copyOf(sections);
    }

    static SpeechBody of(SpeechDetail speech) {
        return new SpeechBody(speech.lead(), speech.sections().stream()
                .map(s -> new SectionInput(s.ordinal(), s.heading(), s.paragraphs().stream().map(Paragraph::text)
                        .toList()))
                .toList());
    }

    boolean isEmpty() {
        return lead.isEmpty() && sections.isEmpty();
    }

    /**
     * Splits before {@code at} ({@code p-N}: the paragraph with that id; {@code lead-N}: the N-th lead paragraph).
     * A paragraph that opens its section takes the section's heading along; one inside a section leaves the
     * heading behind and the rest of that section becomes the second body's lead.
     */
    static Halves split(SpeechDetail speech, String at) {
        SpeechBody whole = of(speech);
        if (at.startsWith("lead-")) {
            int n = Integer.parseInt(at.substring("lead-".length()));
            if (n > whole.lead.size()) {
                throw new InvalidReferenceException("at", "Speech " + speech.id() + " has "
                        + whole.lead.size() + " lead paragraph(s), so there is no " + at + ".");
            }
            return halves(speech, at, new SpeechBody(whole.lead.subList(0, n - 1), List.of()),
                    new SpeechBody(whole.lead.subList(n - 1, whole.lead.size()), whole.sections));
        }
        List<SpeechDetail.Section> sections = speech.sections();
        for (int j = 0; j < sections.size(); j++) {
            List<Paragraph> paragraphs = sections.get(j).paragraphs();
            for (int q = 0; q < paragraphs.size(); q++) {
                if (!paragraphs.get(q).id().equals(at)) {
                    continue;
                }
                List<SectionInput> before = new ArrayList<>(whole.sections.subList(0, j));
                List<SectionInput> after = new ArrayList<>(whole.sections.subList(j + 1, whole.sections.size()));
                SectionInput section = whole.sections.get(j);
                if (q == 0) {
                    after.add(0, section);
                    return halves(speech, at, new SpeechBody(whole.lead, before), new SpeechBody(List.of(), after));
                }
                List<String> texts = section.paragraphs();
                before.add(new SectionInput(section.ordinal(), section.heading(), texts.subList(0, q)));
                return halves(speech, at, new SpeechBody(whole.lead, before),
                        new SpeechBody(texts.subList(q, texts.size()), after));
            }
        }
        throw new InvalidReferenceException("at", "Speech " + speech.id() + " has no paragraph " + at + ".");
    }

    /**
     * This body followed by {@code next}: next's lead continues this body's last section (or its lead when it has
     * no sections), then next's sections follow.
     */
    SpeechBody followedBy(SpeechBody next) {
        if (sections.isEmpty()) {
            return new SpeechBody(concat(lead, next.lead), next.sections);
        }
        List<SectionInput> joined = new ArrayList<>(sections);
        SectionInput last = joined.remove(joined.size() - 1);
        joined.add(new SectionInput(last.ordinal(), last.heading(), concat(last.paragraphs(), next.lead)));
        joined.addAll(next.sections);
        return new SpeechBody(lead, joined);
    }

    private static Halves halves(SpeechDetail speech, String at, SpeechBody first, SpeechBody second) {
        if (first.isEmpty()) {
            throw new InvalidReferenceException("at", at + " is where speech " + speech.id()
                    + " begins: nothing would stay in it. To change its header, PUT the speech.");
        }
        return new Halves(first, second);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
