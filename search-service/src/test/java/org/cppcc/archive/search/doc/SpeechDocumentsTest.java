package org.cppcc.archive.search.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.index.TestSpeeches;
import org.junit.jupiter.api.Test;

/** What a hit reads back from the stored fields: every text highlighting looks into, in its place. */
class SpeechDocumentsTest {

    @Test
    void aStoredSpeechKeepsWhatAHitShowsAndHighlights() throws IOException {
        Speech nulls = new Speech(7, 3, "政协武胜县委员会", null, null, null, null, null, null, null, true, false, null,
                2, List.of("导语一。", "导语二。"), List.of(new Speech.Section(1, null, List.of(
                        new Speech.Paragraph("p-1", "无标题的一节。"))), new Speech.Section(4, "有标题",
                        List.of()), new Speech.Section(5, "第三节", List.of(new Speech.Paragraph("p-2", "甲。"),
                        new Speech.Paragraph("p-3", "乙。")))), List.of("提纲一", "提纲二"));
        for (Speech original : List.of(TestSpeeches.neijiang(1), TestSpeeches.bazhong(1), TestSpeeches.wusheng(1),
                nulls)) {
            for (boolean schema1 : new boolean[] {false, true}) {
                Speech read = roundTrip(original, schema1);
                assertEquals(original.id(), read.id());
                assertEquals(original.order(), read.order());
                assertEquals(original.title(), read.title());
                assertEquals(original.committee(), read.committee());
                assertEquals(original.region(), read.region());
                assertEquals(original.outline(), read.outline());
                assertEquals(original.lead(), read.lead());
                assertEquals(original.sections().size(), read.sections().size());
                for (int s = 0; s < original.sections().size(); s++) {
                    Speech.Section o = original.sections().get(s);
                    Speech.Section r = read.sections().get(s);
                    assertEquals(o.ordinal(), r.ordinal());
                    assertEquals(o.heading(), r.heading());
                    assertEquals(o.paragraphs().stream().map(Speech.Paragraph::text).toList(),
                            r.paragraphs().stream().map(Speech.Paragraph::text).toList());
                }
            }
        }
        assertNull(roundTrip(nulls, false).title());
        assertNull(roundTrip(nulls, false).sections().get(0).heading());
    }

    private static Speech roundTrip(Speech speech, boolean schema1) throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Fields.indexAnalyzer()))) {
                Document doc = schema1 ? SpeechDocuments.schema1(speech, Optional.empty())
                        : SpeechDocuments.speech(speech, Optional.empty());
                writer.addDocument(doc);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return SpeechDocuments.stored(reader.storedFields(), 0);
            }
        }
    }
}
