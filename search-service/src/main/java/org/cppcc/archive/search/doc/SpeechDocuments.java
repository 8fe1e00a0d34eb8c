package org.cppcc.archive.search.doc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.Speech;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Speech ↔ Lucene document: what is indexed and stored for a speech, and the speech read back from a hit.
 *
 * <p>What a hit needs is stored as plain stored fields (schema {@value #SCHEMA}): id, order, title, committee,
 * region, and the texts highlighting looks into (outline, lead, section headings and paragraphs, with the sections'
 * shape in one small binary field). Reading a hit decodes these strings and nothing else: no JSON document to
 * parse, no field a hit does not show. Schema 1 stored the whole speech as JSON ({@code source}); such documents are
 * still read (an index written by schema 1 answers while it is rebuilt, see {@code LuceneIndex#outdated}).
 */
public final class SpeechDocuments {

    /** The version of what is stored; an index written by an older one is rebuilt from the feed. */
    public static final int SCHEMA = 2;

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SpeechDocuments() {
    }

    public static Document speech(Speech speech, Optional<Compilation> compilation) {
        Document doc = identity(speech.id(), speech.version(), Fields.KIND_SPEECH);
        stored(doc, speech);
        IndexedSpeech.walk(speech, compilation, new IndexedSpeech.Sink() {
            @Override
            public void text(String field, String value) {
                doc.add(new TextField(field, value, Field.Store.NO));
                doc.add(new TextField(Fields.bigrams(field), value, Field.Store.NO));
                doc.add(new TextField(Fields.characters(field), value, Field.Store.NO));
            }

            @Override
            public void exact(String field, String value) {
                doc.add(new StringField(field, value, Field.Store.NO));
                doc.add(new SortedDocValuesField(field, new BytesRef(value)));
            }

            @Override
            public void number(String field, long value) {
                doc.add(new LongPoint(field, value));
            }

            @Override
            public void order(int order) {
                doc.add(new NumericDocValuesField(Fields.ORDER, order));
            }
        });
        return doc;
    }

    /** What a delete leaves behind: the id and the version that deleted it, so an older upsert stays out. */
    public static Document tombstone(long speechId, long version) {
        return identity(speechId, version, Fields.KIND_TOMBSTONE);
    }

    /**
     * The stored speech of document {@code doc}: what a hit shows and highlights (id, order, title, committee,
     * region, outline, lead, sections with their headings and paragraph texts; no paragraph ids, version or
     * division details), read from the stored fields of schema 2, or parsed from a schema-1 document's JSON.
     */
    public static Speech stored(StoredFields fields, int doc) throws IOException {
        StoredSpeech visitor = new StoredSpeech();
        fields.document(doc, visitor);
        return visitor.speech();
    }

    /** Schema 1's document for {@code speech}: the whole speech as JSON in {@code source}; for upgrade tests. */
    public static Document schema1(Speech speech, Optional<Compilation> compilation) {
        Document doc = speech(speech, compilation);
        doc.removeFields(Fields.S_ID);
        doc.removeFields(Fields.S_ORDER);
        doc.removeFields(Fields.S_TITLE);
        doc.removeFields(Fields.S_COMMITTEE);
        doc.removeFields(Fields.S_REGION);
        doc.removeFields(Fields.S_OUTLINE);
        doc.removeFields(Fields.S_LEAD);
        doc.removeFields(Fields.S_HEADING);
        doc.removeFields(Fields.S_PARAGRAPH);
        doc.removeFields(Fields.S_SECTIONS);
        doc.add(new StoredField(Fields.SOURCE, json(speech)));
        return doc;
    }

    private static void stored(Document doc, Speech speech) {
        doc.add(new StoredField(Fields.S_ID, speech.id()));
        doc.add(new StoredField(Fields.S_ORDER, speech.order()));
        storedText(doc, Fields.S_TITLE, speech.title());
        storedText(doc, Fields.S_COMMITTEE, speech.committee());
        storedText(doc, Fields.S_REGION, speech.region());
        speech.outline().forEach(o -> storedText(doc, Fields.S_OUTLINE, o));
        speech.lead().forEach(l -> storedText(doc, Fields.S_LEAD, l));
        // per section: ordinal, whether it has a heading, number of paragraphs (variable-length ints)
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (Speech.Section section : speech.sections()) {
            writeVInt(shape, section.ordinal());
            shape.write(section.heading() == null ? 0 : 1);
            writeVInt(shape, section.paragraphs().size());
            if (section.heading() != null) {
                doc.add(new StoredField(Fields.S_HEADING, section.heading()));
            }
            section.paragraphs().forEach(p -> storedText(doc, Fields.S_PARAGRAPH, p.text()));
        }
        doc.add(new StoredField(Fields.S_SECTIONS, shape.toByteArray()));
    }

    /** A text, null as the empty string with a marker: stored fields hold no null, lists keep their positions. */
    private static void storedText(Document doc, String field, String value) {
        doc.add(new StoredField(field, value == null ? NULL : value));
    }

    /** Stands for a null text: a private-use character no text of the archive holds alone. */
    static final String NULL = "\uE000";

    private static void writeVInt(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** Collects the stored fields of schema 2 (or schema 1's JSON) of one document, skipping everything else. */
    private static final class StoredSpeech extends StoredFieldVisitor {
        private long id;
        private int order;
        private String title;
        private String committee;
        private String region;
        private final List<String> outline = new ArrayList<>(4);
        private final List<String> lead = new ArrayList<>(2);
        private final List<String> headings = new ArrayList<>(4);
        private final List<String> paragraphs = new ArrayList<>(8);
        private byte[] sections;
        private byte[] source;

        @Override
        public Status needsField(FieldInfo field) {
            return switch (field.name) {
                case Fields.S_ID, Fields.S_ORDER, Fields.S_TITLE, Fields.S_COMMITTEE, Fields.S_REGION,
                        Fields.S_OUTLINE, Fields.S_LEAD, Fields.S_HEADING, Fields.S_PARAGRAPH, Fields.S_SECTIONS,
                        Fields.SOURCE -> Status.YES;
                default -> Status.NO;
            };
        }

        @Override
        public void stringField(FieldInfo field, String value) {
            String v = NULL.equals(value) ? null : value;
            switch (field.name) {
                case Fields.S_TITLE -> title = v;
                case Fields.S_COMMITTEE -> committee = v;
                case Fields.S_REGION -> region = v;
                case Fields.S_OUTLINE -> outline.add(v);
                case Fields.S_LEAD -> lead.add(v);
                case Fields.S_HEADING -> headings.add(v);
                case Fields.S_PARAGRAPH -> paragraphs.add(v);
                default -> { }
            }
        }

        @Override
        public void binaryField(FieldInfo field, byte[] value) {
            if (field.name.equals(Fields.S_SECTIONS)) {
                sections = value;
            } else if (field.name.equals(Fields.SOURCE)) {
                source = value;
            }
        }

        @Override
        public void longField(FieldInfo field, long value) {
            if (field.name.equals(Fields.S_ID)) {
                id = value;
            }
        }

        @Override
        public void intField(FieldInfo field, int value) {
            if (field.name.equals(Fields.S_ORDER)) {
                order = value;
            }
        }

        Speech speech() throws IOException {
            if (sections == null) {
                if (source == null) {
                    throw new IOException("a stored speech has neither its fields nor its source");
                }
                return JSON.readValue(source, Speech.class);
            }
            List<Speech.Section> list = new ArrayList<>();
            int heading = 0;
            int paragraph = 0;
            int[] pos = {0};
            while (pos[0] < sections.length) {
                int ordinal = readVInt(sections, pos);
                boolean hasHeading = sections[pos[0]++] == 1;
                int count = readVInt(sections, pos);
                List<Speech.Paragraph> ps = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ps.add(new Speech.Paragraph(null, paragraphs.get(paragraph++)));
                }
                list.add(new Speech.Section(ordinal, hasHeading ? headings.get(heading++) : null, ps));
            }
            return new Speech(id, order, committee, null, null, region, null, null, null, title, true, false, null,
                    0, lead, list, outline);
        }

        private static int readVInt(byte[] bytes, int[] pos) {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[pos[0]++];
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
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

    private static byte[] json(Speech speech) {
        try {
            return JSON.writeValueAsBytes(speech);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
