package org.cppcc.archive.search.doc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.Speech;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Speech ↔ Lucene document: what is indexed and stored for a speech, and the speech read back from a hit. */
public final class SpeechDocuments {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SpeechDocuments() {
    }

    public static Document speech(Speech speech, Optional<Compilation> compilation) {
        Document doc = identity(speech.id(), speech.version(), Fields.KIND_SPEECH);
        doc.add(new NumericDocValuesField(Fields.ORDER, speech.order()));
        doc.add(new StoredField(Fields.SOURCE, json(speech)));
        text(doc, Fields.TITLE, speech.title());
        for (Speech.Section section : speech.sections()) {
            text(doc, Fields.HEADINGS, section.heading());
        }
        for (String line : speech.outline()) {
            text(doc, Fields.OUTLINE, line);
        }
        for (String lead : speech.lead()) {
            text(doc, Fields.BODY, lead);
        }
        for (Speech.Section section : speech.sections()) {
            for (Speech.Paragraph paragraph : section.paragraphs()) {
                text(doc, Fields.BODY, paragraph.text());
            }
        }
        text(doc, Fields.COMMITTEE, speech.committee());
        text(doc, Fields.REGION, speech.region());
        exact(doc, Fields.F_COMMITTEE, speech.committee());
        exact(doc, Fields.F_REGION, speech.region());
        exact(doc, Fields.F_REGION_CODE, speech.regionCode());
        exact(doc, Fields.F_LEVEL, speech.level());
        exact(doc, Fields.F_SPEAKER_KIND, speech.speakerKind());
        if (speech.compilationId() != null) {
            doc.add(new LongPoint(Fields.COMPILATION_ID, speech.compilationId()));
            doc.add(new StoredField(Fields.COMPILATION_ID, speech.compilationId()));
            exact(doc, Fields.F_COMPILATION, Long.toString(speech.compilationId()));
        }
        compilation.ifPresent(c -> {
            if (c.title() != null) {
                text(doc, Fields.COMPILATION, c.title() + (c.subtitle() == null ? "" : " " + c.subtitle()));
                doc.add(new StoredField(Fields.COMPILATION_TITLE, c.title()));
            }
            if (c.date() != null) {
                doc.add(new LongPoint(Fields.DATE, c.date().toEpochDay()));
                doc.add(new StoredField(Fields.DATE, c.date().toString()));
            }
        });
        return doc;
    }

    /** What a delete leaves behind: the id and the version that deleted it, so an older upsert stays out. */
    public static Document tombstone(long speechId, long version) {
        return identity(speechId, version, Fields.KIND_TOMBSTONE);
    }

    public static Speech source(Document stored) {
        BytesRef bytes = stored.getBinaryValue(Fields.SOURCE);
        try {
            return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, Speech.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document identity(long id, long version, String kind) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Long.toString(id), Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.ID_DV, id));
        doc.add(new StringField(Fields.KIND, kind, Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.VERSION, version));
        return doc;
    }

    private static void text(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new TextField(field, value, Field.Store.NO));
        doc.add(new TextField(Fields.bigrams(field), value, Field.Store.NO));
        doc.add(new TextField(Fields.characters(field), value, Field.Store.NO));
    }

    private static void exact(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static byte[] json(Speech speech) {
        try {
            return JSON.writeValueAsBytes(speech);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
