package org.cppcc.archive.search.doc;

import java.util.Optional;

import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.Speech;

/**
 * What a search index holds of a speech, field by field ({@link Fields}), walked once for every backend: the Lucene
 * index writes each value as Lucene fields ({@link SpeechDocuments}), the OpenSearch index as a JSON document. Blank
 * values are left out; a field given several values gets them in reading order.
 */
public final class IndexedSpeech {

    /** Receives the values of one speech's fields. */
    public interface Sink {

        /** A text to analyse (as words, bigrams and characters). */
        void text(String field, String value);

        /** An exact value, for filters and facets. */
        void exact(String field, String value);

        /** A number to filter by range or exact value. */
        void number(String field, long value);

        /** The number to sort by when relevance does not decide (the speech's order in its compilation). */
        void order(int order);
    }

    private IndexedSpeech() {
    }

    public static void walk(Speech speech, Optional<Compilation> compilation, Sink sink) {
        sink.order(speech.order());
        text(sink, Fields.TITLE, speech.title());
        speech.sections().forEach(s -> text(sink, Fields.HEADINGS, s.heading()));
        speech.outline().forEach(line -> text(sink, Fields.OUTLINE, line));
        speech.lead().forEach(lead -> text(sink, Fields.BODY, lead));
        speech.sections().forEach(s -> s.paragraphs().forEach(p -> text(sink, Fields.BODY, p.text())));
        text(sink, Fields.COMMITTEE, speech.committee());
        text(sink, Fields.REGION, speech.region());
        exact(sink, Fields.F_COMMITTEE, speech.committee());
        exact(sink, Fields.F_REGION, speech.region());
        exact(sink, Fields.F_REGION_CODE, speech.regionCode());
        exact(sink, Fields.F_LEVEL, speech.level());
        exact(sink, Fields.F_SPEAKER_KIND, speech.speakerKind());
        if (speech.compilationId() != null) {
            sink.number(Fields.COMPILATION_ID, speech.compilationId());
            exact(sink, Fields.F_COMPILATION, Long.toString(speech.compilationId()));
        }
        compilation.ifPresent(c -> {
            if (c.title() != null) {
                text(sink, Fields.COMPILATION, c.title() + (c.subtitle() == null ? "" : " " + c.subtitle()));
            }
            if (c.date() != null) {
                sink.number(Fields.DATE, c.date().toEpochDay());
            }
        });
    }

    private static void text(Sink sink, String field, String value) {
        if (value != null && !value.isBlank()) {
            sink.text(field, value);
        }
    }

    private static void exact(Sink sink, String field, String value) {
        if (value != null && !value.isBlank()) {
            sink.exact(field, value);
        }
    }
}
