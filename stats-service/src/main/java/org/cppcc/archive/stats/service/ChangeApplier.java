package org.cppcc.archive.stats.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Figures;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.change.Speech;
import org.cppcc.archive.stats.extraction.ExtractedFact;
import org.cppcc.archive.stats.extraction.FactExtractor;
import org.cppcc.archive.stats.repository.Curation;
import org.cppcc.archive.stats.repository.Fence;
import org.cppcc.archive.stats.repository.SpeechSlot;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StoredSpeech;
import org.cppcc.archive.stats.repository.StoredText;
import org.jboss.logging.Logger;

/**
 * Applies one change of the document service's feed, idempotently by (speech id, version): an upsert
 * replaces every fact of the speech with those extracted from this version (re-applying it yields the same
 * documents, never duplicates), a delete removes them, an older version than the one stored is ignored.
 * The cursor is stored after the facts, so a crash between the two replays the change on restart. A deleted speech
 * leaves a tombstone with its version, so an older version arriving late (a consumer that paused past its lease)
 * is ignored or refused rather than bringing it back.
 */
@ApplicationScoped
public class ChangeApplier {

    private static final Logger LOG = Logger.getLogger(ChangeApplier.class);
    /** Tries of one change that another writer keeps overtaking; more means something is wrong. */
    private static final int MAX_ATTEMPTS = 10;

    /**
     * One text of a speech the extractor reads: a lead paragraph, a section heading or paragraph, or (for an
     * outline-only speech) an outline entry; {@code sectionIndex} 0 is the lead, {@code paragraphIndex} 0 a heading.
     */
    record Passage(int sectionIndex, int paragraphIndex, String paragraphId, String kind, String text) {
    }

    private final StatsRepository repository;
    private final FigureIndex index;
    private final FactExtractor extractor = new FactExtractor();

    ChangeApplier(StatsRepository repository, FigureIndex index) {
        this.repository = repository;
        this.index = index;
    }

    /**
     * Runs another write of the facts (a curation) with no change being applied meanwhile by this process, so that
     * the figures it stores for a speech are computed from the facts the speech has. Writers in other processes are
     * kept apart by the speech document's revision ({@link SpeechSlot}).
     */
    synchronized <T> T exclusively(java.util.function.Supplier<T> write) {
        return write.get();
    }

    /** Applies a change and then advances the stored cursor to it, with no consumer lease (tests, rebuilds by hand). */
    public void apply(ChangeItem change) {
        apply(change, Fence.NONE);
    }

    /**
     * Applies a change as the consumer holding {@code fence}'s lease and then advances the stored cursor to it, in
     * the same update that increases the store's write generation.
     *
     * @throws StatsRepository.Fenced when a newer consumer has written, or the lease is no longer this one's
     */
    public synchronized void apply(ChangeItem change, Fence fence) {
        applyFacts(change, fence);
        index.wrote(repository.advanceCursor(change.cursor(), Instant.now(), change.speechId(), fence));
    }

    /** The facts part of {@link #apply}: exposed so a test can stop between the facts and the cursor. */
    public void applyFacts(ChangeItem change) {
        applyFacts(change, Fence.NONE);
    }

    private synchronized void applyFacts(ChangeItem change, Fence fence) {
        for (int attempt = 1;; attempt++) {
            try {
                applyOnce(change, fence);
                return;
            } catch (StatsRepository.Conflict e) {
                // a curation (or a consumer that paused past its lease) wrote the speech since it was read
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("Applying speech %d version %d again: %s", change.speechId(), change.version(),
                        e.getMessage());
            }
        }
    }

    private void applyOnce(ChangeItem change, Fence fence) {
        SpeechSlot stored = repository.speechSlot(change.speechId());
        if (stored.exists() && stored.version() > change.version()) {
            LOG.debugf("Skipping speech %d version %d: version %d is stored", change.speechId(), change.version(),
                    stored.version());
            return;
        }
        if (change.isDelete()) {
            repository.deleteSpeech(stored, change.version(), fence);
            index.remove(change.speechId());
            return;
        }
        Speech s = change.speech();
        List<Passage> passages = passages(s);
        Extraction extraction = new Extraction(change.speechId(), change.version(), s, curations(change.speechId()));
        passages.forEach(extraction::add);
        long characters = passages.stream().filter(p -> !"outline".equals(p.kind()))
                .mapToLong(p -> p.text().length()).sum();
        int paragraphs = (int) passages.stream().filter(p -> "paragraph".equals(p.kind())).count();
        StoredSpeech speech = new StoredSpeech(change.speechId(), change.version(), s.compilationId(), s.order(),
                s.committee(), s.speakerKind(), s.speakerName(), s.region(), s.regionCode(), s.level(),
                s.parentRegion(), s.title(), s.bodyAvailable(), s.truncated(), characters, paragraphs,
                s.outline().size(), extraction.facts.size(), null, null, FactFigures.of(extraction.facts));
        repository.replaceSpeech(stored, speech, extraction.facts, extraction.texts, fence);
        index.put(speech, extraction.texts);
    }

    /** What the extractor reads of a speech, in order: lead, then each section's heading and paragraphs. */
    static List<Passage> passages(Speech s) {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < s.lead().size(); i++) {
            out.add(new Passage(0, i + 1, "p-lead-" + (i + 1), "lead", s.lead().get(i)));
        }
        for (Speech.Section section : s.sections()) {
            out.add(new Passage(section.ordinal(), 0, null, "heading", section.heading()));
            int p = 0;
            for (Speech.Paragraph paragraph : section.paragraphs()) {
                p++;
                out.add(new Passage(section.ordinal(), p, paragraph.id(), "paragraph", paragraph.text()));
            }
        }
        if (s.sections().isEmpty()) {
            // outline-only speeches: their headings are all there is to read
            for (int i = 0; i < s.outline().size(); i++) {
                out.add(new Passage(i + 1, 0, null, "outline", s.outline().get(i)));
            }
        }
        return out;
    }

    private Map<String, Curation> curations(long speechId) {
        Map<String, Curation> out = new HashMap<>();
        repository.curationsOf(speechId).forEach(c -> out.put(c.factId(), c));
        return out;
    }

    /** The facts and texts of one speech version as they are extracted, with their curations applied. */
    private final class Extraction {

        final long speechId;
        final long version;
        final Speech speech;
        final Map<String, Curation> curations;
        final List<Fact> facts = new ArrayList<>();
        final List<StoredText> texts = new ArrayList<>();
        final Map<String, Integer> occurrences = new HashMap<>();

        Extraction(long speechId, long version, Speech speech, Map<String, Curation> curations) {
            this.speechId = speechId;
            this.version = version;
            this.speech = speech;
            this.curations = curations;
        }

        void add(Passage p) {
            if (p.text() == null || p.text().isBlank()) {
                return;
            }
            // a stable id, so replaying a change overwrites its texts instead of adding copies
            texts.add(new StoredText(speechId + "/" + p.kind() + "/" + p.sectionIndex() + "/" + p.paragraphIndex(),
                    speechId, speech.region(), speech.speakerKind(), speech.compilationId(), p.sectionIndex(),
                    p.paragraphIndex(), p.kind(), p.text()));
            for (ExtractedFact f : extractor.extract(p.text())) {
                int occurrence = occurrences.merge(f.sentence() + "\u0000" + f.text(), 1, Integer::sum);
                Fact fact = fact(factId(speechId, f.sentence(), f.text(), occurrence), p, f);
                Curation curation = curations.get(fact.id());
                facts.add(curation == null ? fact : CurationService.apply(fact, curation));
            }
        }

        private Fact fact(String id, Passage p, ExtractedFact f) {
            return new Fact(id, speechId, version, speech.compilationId(), speech.region(), speech.regionCode(),
                    speech.committee(), speech.speakerKind(), speech.speakerName(), p.sectionIndex(),
                    p.paragraphIndex(), p.paragraphId(), p.kind(), figure(f.value().doubleValue()), f.approx(),
                    f.range() == null ? null
                            : new Fact.Range(figure(f.range().min().doubleValue()), figure(f.range().max().doubleValue())),
                    f.change() == null ? null
                            : new Fact.Change(figure(f.change().from().doubleValue()), figure(f.change().to().doubleValue())),
                    f.unit(), f.subject(), f.category(), f.tier(), f.per(), f.text(), f.sentence(), f.start(), f.end(),
                    Fact.Status.extracted, null, null);
        }
    }

    private static Number figure(double v) {
        return Figures.of(v);
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
}
