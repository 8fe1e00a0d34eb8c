package org.cppcc.archive.stats.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.cppcc.archive.stats.extraction.ExtractedFact;
import org.cppcc.archive.stats.extraction.FactExtractor;
import org.cppcc.archive.stats.store.StatsStore;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies one change of the document service's feed, idempotently by (speech id, version): an upsert
 * replaces every fact of the speech with those extracted from this version (re-applying it yields the same
 * documents, never duplicates), a delete removes them, an older version than the one stored is ignored.
 * The cursor is stored after the facts, so a crash between the two replays the change on restart.
 */
@ApplicationScoped
public class ChangeApplier {

    private static final Logger LOG = Logger.getLogger(ChangeApplier.class);

    /** One change-feed entry; {@code speech} is null for a delete. */
    public record Change(long cursor, String type, long speechId, long version, JsonNode speech) {
    }

    private final StatsStore store;
    private final FactExtractor extractor = new FactExtractor();

    ChangeApplier(StatsStore store) {
        this.store = store;
    }

    /** Applies a change and then advances the stored cursor to it. */
    public synchronized void apply(Change change) {
        applyFacts(change);
        advanceCursor(change.cursor());
    }

    /** The facts part of {@link #apply}: exposed so a test can stop between the facts and the cursor. */
    public synchronized void applyFacts(Change change) {
        Document stored = store.speech(change.speechId()).orElse(null);
        if (stored != null && stored.get("version", Number.class).longValue() > change.version()) {
            LOG.debugf("Skipping speech %d version %d: version %s is stored", change.speechId(), change.version(),
                    stored.get("version"));
            return;
        }
        if ("delete".equals(change.type()) || change.speech() == null || change.speech().isNull()) {
            store.deleteSpeech(change.speechId(), stored);
            return;
        }
        JsonNode s = change.speech();
        Map<String, Document> curations = new HashMap<>();
        store.curationsOf(change.speechId()).forEach(c -> curations.put(c.getString("_id"), c));

        Document speech = speechDocument(change, s);
        List<Document> facts = new ArrayList<>();
        List<Document> texts = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        long characters = 0;

        List<String> lead = strings(s.path("lead"));
        for (int i = 0; i < lead.size(); i++) {
            characters += lead.get(i).length();
            add(speech, 0, i + 1, "p-lead-" + (i + 1), "lead", lead.get(i), facts, texts, occurrences, curations);
        }
        int paragraphsCount = 0;
        for (JsonNode section : s.path("sections")) {
            int ordinal = section.path("ordinal").asInt();
            String heading = section.path("heading").asText("");
            characters += heading.length();
            add(speech, ordinal, 0, null, "heading", heading, facts, texts, occurrences, curations);
            int p = 0;
            for (JsonNode paragraph : section.path("paragraphs")) {
                p++;
                paragraphsCount++;
                String text = paragraph.path("text").asText("");
                characters += text.length();
                add(speech, ordinal, p, paragraph.path("id").asText(null), "paragraph", text, facts, texts,
                        occurrences, curations);
            }
        }
        List<String> outline = strings(s.path("outline"));
        boolean hasSections = s.path("sections").size() > 0;
        if (!hasSections) {
            // outline-only speeches: their headings are all there is to read
            for (int i = 0; i < outline.size(); i++) {
                add(speech, i + 1, 0, null, "outline", outline.get(i), facts, texts, occurrences, curations);
            }
        }
        speech.append("characters", characters).append("paragraphs", paragraphsCount)
                .append("outlineEntries", outline.size()).append("facts", facts.size());
        store.replaceSpeech(stored, speech, facts, texts);
    }

    public synchronized void advanceCursor(long cursor) {
        Document state = store.feedState();
        long current = state.get("cursor", Number.class).longValue();
        if (cursor > current) {
            state.put("cursor", cursor);
            state.put("head", Math.max(cursor, state.get("head", Number.class).longValue()));
            store.saveFeedState(state);
        }
    }

    private static Document speechDocument(Change change, JsonNode s) {
        boolean body = s.path("bodyAvailable").asBoolean(false);
        return new Document("_id", change.speechId())
                .append("version", change.version())
                .append("compilationId", s.path("compilationId").isNumber() ? s.path("compilationId").asLong() : null)
                .append("order", s.path("order").asInt())
                .append("committee", text(s, "committee"))
                .append("speakerKind", SpeakerKind.ofFeed(text(s, "speakerKind")))
                .append("speakerName", text(s, "speakerName"))
                .append("region", text(s, "region"))
                .append("regionCode", text(s, "regionCode"))
                .append("level", text(s, "level"))
                .append("parentRegion", text(s, "parentRegion"))
                .append("title", text(s, "title"))
                .append("bodyAvailable", body)
                .append("truncated", s.path("truncated").asBoolean(false));
    }

    private void add(Document speech, int sectionIndex, int paragraphIndex, String paragraphId, String kind,
            String text, List<Document> facts, List<Document> texts, Map<String, Integer> occurrences,
            Map<String, Document> curations) {
        if (text == null || text.isBlank()) {
            return;
        }
        long speechId = speech.getLong("_id");
        // a stable id, so replaying a change overwrites its texts instead of adding copies
        String textId = speechId + "/" + kind + "/" + sectionIndex + "/" + paragraphIndex;
        texts.add(new Document("_id", textId).append("speechId", speechId).append("region", speech.getString("region"))
                .append("speakerKind", speech.getString("speakerKind"))
                .append("compilationId", speech.get("compilationId")).append("sectionIndex", sectionIndex)
                .append("paragraphIndex", paragraphIndex).append("kind", kind).append("text", text));
        for (ExtractedFact f : extractor.extract(text)) {
            String key = f.sentence() + "\u0000" + f.text();
            int occurrence = occurrences.merge(key, 1, Integer::sum);
            String id = factId(speechId, f.sentence(), f.text(), occurrence);
            Document fact = FactDocuments.of(id, speech, sectionIndex, paragraphIndex, paragraphId, kind, f);
            Document curation = curations.get(id);
            if (curation != null) {
                FactDocuments.applyCuration(fact, curation);
            }
            facts.add(fact);
        }
    }

    /** Stable across versions while the sentence stays the same, so curations find their fact again. */
    static String factId(long speechId, String sentence, String span, int occurrence) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((speechId + "\u0000" + sentence + "\u0000" + span + "\u0000" + occurrence)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
