package org.cppcc.archive.stats.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Date;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Figures;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.repository.Curation;
import org.cppcc.archive.stats.repository.SpeechFigures;
import org.cppcc.archive.stats.repository.SpeechSlot;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StoredSpeech;

/**
 * Admins' verdicts on facts: confirm, correct or reject. A verdict is kept under the fact's id and applied again
 * whenever the fact is extracted again (see {@link ChangeApplier}), on top of what was extracted.
 */
@ApplicationScoped
public class CurationService {

    /** An admin's verdict; a correction's null fields keep what was extracted. */
    public record Verdict(Fact.Action action, BigDecimal value, String unit, String subject, Category category,
            Tier tier, String note) {

        /** A correction that names nothing to correct changes nothing. */
        public boolean changesNothing() {
            return action == Fact.Action.correct && value == null && unit == null && subject == null
                    && category == null && tier == null;
        }
    }

    /** Tries of one curation that changes keep overtaking. */
    private static final int MAX_ATTEMPTS = 10;

    private final StatsRepository repository;
    private final ChangeApplier applier;
    private final FigureIndex index;

    CurationService(StatsRepository repository, ChangeApplier applier, FigureIndex index) {
        this.repository = repository;
        this.applier = applier;
        this.index = index;
    }

    /**
     * Records a verdict and applies it to the stored fact at once, and to the figures of its speech; empty when there
     * is no such fact.
     */
    public Optional<Fact> curate(String factId, Verdict verdict, String by) {
        return applier.exclusively(() -> curateNow(factId, verdict, by));
    }

    /**
     * The curation is stored first (every later extraction applies it), then written over the stored fact and into
     * its speech's figures, each only if nothing replaced them since they were read: a change applied meanwhile by
     * the consumer (in this or another replica) either read the curation already or makes this write fail, and then
     * the fact and the speech are read again.
     */
    private Optional<Fact> curateNow(String factId, Verdict verdict, String by) {
        Optional<Fact> stored = repository.fact(factId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Fact fact = stored.get();
        Curation curation = new Curation(factId, fact.speechId(), fact.sentence(), verdict.action(),
                verdict.value() == null ? null : verdict.value().doubleValue(), verdict.unit(), verdict.subject(),
                verdict.category(), verdict.tier(), verdict.note(), by, new Date());
        repository.saveCuration(curation);
        for (int attempt = 1;; attempt++) {
            // applied on top of what was extracted, not on top of an earlier correction
            Fact curated = apply(fact.asExtracted(), curation);
            SpeechSlot slot = repository.speechSlot(fact.speechId());
            if (applied(curated, fact.speechVersion(), slot)) {
                repository.bumpGeneration(fact.speechId());
                return Optional.of(curated);
            }
            Optional<Fact> again = repository.fact(factId);
            if (again.isEmpty() || attempt == MAX_ATTEMPTS) {
                // gone with a new version, or overtaken again and again: the curation is stored and the next
                // extraction of the speech applies it
                repository.bumpGeneration(fact.speechId());
                return Optional.of(again.map(f -> apply(f.asExtracted(), curation)).orElse(curated));
            }
            fact = again.get();
            pause(attempt);
        }
    }

    /** A consumer in another replica is writing the speech: give it the few milliseconds that takes. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while curating", e);
        }
    }

    /** Writes the curated fact and its speech's figures; false when either was replaced since it was read. */
    private boolean applied(Fact curated, long version, SpeechSlot slot) {
        StoredSpeech speech = slot.speech();
        if (speech == null || speech.version() != version) {
            // the fact's speech is of another version now (or gone): read the fact again
            return false;
        }
        if (!repository.curateFact(curated, version)) {
            return false;
        }
        List<Fact> facts = new ArrayList<>(repository.factsOf(speech));
        facts.replaceAll(f -> f.id().equals(curated.id()) ? curated : f);
        SpeechFigures figures = FactFigures.of(facts);
        if (!repository.saveFigures(slot, figures)) {
            return false;
        }
        index.put(speech.withFigures(figures), null);
        return true;
    }

    /** A fact as a curation leaves it, keeping what was extracted when it corrects. */
    static Fact apply(Fact fact, Curation c) {
        Fact.CurationNote note = new Fact.CurationNote(c.action(), c.note(), c.by(), c.at());
        return switch (c.action()) {
            case confirm -> fact.curated(Fact.Status.confirmed, fact.value(), fact.unit(), fact.subject(),
                    fact.category(), fact.tier(), fact.extracted(), note);
            case reject -> fact.curated(Fact.Status.rejected, fact.value(), fact.unit(), fact.subject(),
                    fact.category(), fact.tier(), fact.extracted(), note);
            case correct -> fact.curated(Fact.Status.corrected,
                    c.value() == null ? fact.value() : Figures.of(c.value()),
                    c.unit() == null ? fact.unit() : c.unit(), c.subject() == null ? fact.subject() : c.subject(),
                    c.category() == null ? fact.category() : c.category(), c.tier() == null ? fact.tier() : c.tier(),
                    new Fact.Extracted(fact.value(), fact.unit(), fact.subject(), fact.category(), fact.tier()), note);
        };
    }
}
