package org.cppcc.archive.stats.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.config.StatsConfig;
import org.cppcc.archive.stats.repository.SpeechFigures;
import org.cppcc.archive.stats.repository.SpeechSlot;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StoreGeneration;
import org.cppcc.archive.stats.repository.StoredSpeech;
import org.cppcc.archive.stats.repository.StoredText;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Every stored speech with its {@link SpeechFigures}, in memory and by id: what the aggregates are folded from, so an
 * answer reads a few kilobytes per speech instead of every fact (the embedded store has no secondary indexes, and
 * even MongoDB would read every fact of a group to sum it). Read from the store's speeches once (figures missing
 * from speeches stored before speeches kept them, and those of curated speeches, are computed again from their
 * facts and stored), then kept up to date by the writers ({@link ChangeApplier}, {@link CurationService}) right
 * after each of their writes, under their lock; read again after the store is reset. The store stays the truth:
 * nothing here is written anywhere else, and a restart reads it all again.
 * <p>
 * Topic mentions are kept too, per term asked before (at most {@link #TERMS} terms): the mentions of the term per
 * speech, counted once in every stored text, then counted again in a speech's texts whenever a change replaces
 * them.
 * <p>
 * {@link #generation()} increases after every update, so an answer computed from an older state is not kept.
 * <p>
 * Other stats-services may write the same store (the one holding the consumer lease applies the feed; any of them
 * stores curations). Every such write ends by increasing the store's write generation ({@link StoreGeneration}),
 * which this index polls every {@code stats.refresh-every} (200 ms by default): when it moved, the speeches the
 * increments touched are read again by id (all of them, when more increments passed than the store remembers). A
 * poll is one read of one small document by id; checking on every request instead would add that read, under a
 * production read concern a majority read, to every answer, including the kept ones whose point is to be cheap.
 * An answer on a replica that does not consume is therefore at most one poll (plus the reads) behind the store.
 */
@ApplicationScoped
public class FigureIndex {

    private static final Logger LOG = Logger.getLogger(FigureIndex.class);
    static final int TERMS = 256;

    private final StatsRepository repository;
    private final ConcurrentSkipListMap<Long, StoredSpeech> speeches = new ConcurrentSkipListMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile long loadedEpoch = -1;
    /** The store generation the speeches held here are at least as new as. */
    private volatile long seenGeneration;
    /** Per term asked: speech id → mentions (speeches without a mention left out); least recently asked first. */
    private final Map<String, Map<Long, Long>> terms = new LinkedHashMap<>(16, 0.75f, true);
    /** Terms being counted in the store: the texts that changes replaced meanwhile, by speech (null: deleted). */
    private final List<TermCount> counting = new ArrayList<>();

    private static final class TermCount {
        final String term;
        final Map<Long, List<StoredText>> replaced = new HashMap<>();

        TermCount(String term) {
            this.term = term;
        }
    }

    private final Duration refreshEvery;
    private ScheduledExecutorService poller;

    FigureIndex(StatsRepository repository, StatsConfig config) {
        this.repository = repository;
        this.refreshEvery = config.refreshEvery();
    }

    void onStart(@Observes StartupEvent event) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stats-generation-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, refreshEvery.toMillis(), refreshEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the store unreachable: the next poll tries again, and health reports the store
            LOG.debugf("Polling the store's write generation failed: %s", e.getMessage());
        }
    }

    /** Reads again the speeches other writers stored since the generation last seen (all, when that is too old). */
    synchronized void refresh() {
        if (loadedEpoch != repository.epoch()) {
            return; // nothing read yet: the first read reads everything
        }
        StoreGeneration store = repository.storeGeneration();
        if (store.value() == seenGeneration) {
            return;
        }
        List<Long> touched = store.touchedSince(seenGeneration);
        if (touched == null) {
            LOG.infof("The store moved from generation %d to %d: reading every speech again", seenGeneration,
                    store.value());
            reload();
            return;
        }
        for (long id : touched) {
            StoredSpeech speech = repository.speechSlot(id).speech();
            if (speech == null) {
                speeches.remove(id);
                replaced(id, null);
            } else {
                speeches.put(id, speech.withoutIds());
                if (!terms.isEmpty() || !counting.isEmpty()) {
                    replaced(id, repository.textsOf(speech));
                }
            }
        }
        seenGeneration = store.value();
        generation.incrementAndGet();
    }

    /** Increases after every update of the index. */
    long generation() {
        return generation.get();
    }

    /** Every speech, by id (with its figures, without its id lists). */
    Collection<StoredSpeech> speeches() {
        load();
        return speeches.values();
    }

    StoredSpeech speech(long id) {
        load();
        return speeches.get(id);
    }

    /** After a change stored {@code speech} (with its figures) and, unless null, replaced its texts with {@code texts}. */
    void put(StoredSpeech speech, List<StoredText> texts) {
        load();
        speeches.put(speech.id(), speech.withoutIds());
        if (texts != null) {
            replaced(speech.id(), texts);
        }
        generation.incrementAndGet();
    }

    /**
     * After this process increased the store's write generation to {@code storeGeneration} for a change it has
     * already put here: when that is the only increment not yet seen, the poll need not read the change's speech
     * back (at the consumer's pace it otherwise read every speech it wrote again, and once more than
     * {@link StoreGeneration#REMEMBERED} changes fell between two polls, every speech).
     */
    synchronized void wrote(long storeGeneration) {
        if (storeGeneration == seenGeneration + 1) {
            seenGeneration = storeGeneration;
        }
    }

    /** After a change deleted a speech. */
    void remove(long speechId) {
        load();
        speeches.remove(speechId);
        replaced(speechId, null);
        generation.incrementAndGet();
    }

    private synchronized void replaced(long speechId, List<StoredText> texts) {
        terms.forEach((term, mentions) -> count(mentions, speechId, term, texts));
        counting.forEach(c -> c.replaced.put(speechId, texts));
    }

    private static void count(Map<Long, Long> mentions, long speechId, String term, List<StoredText> texts) {
        long n = texts == null ? 0 : texts.stream().mapToLong(t -> StatsQueries.occurrences(t.text(), term)).sum();
        if (n > 0) {
            mentions.put(speechId, n);
        } else {
            mentions.remove(speechId);
        }
    }

    /** The mentions of {@code term} per speech id; counted in every stored text the first time a term is asked. */
    Map<Long, Long> mentions(String term) {
        load();
        TermCount pending;
        synchronized (this) {
            Map<Long, Long> known = terms.get(term);
            if (known != null) {
                return Map.copyOf(known);
            }
            pending = new TermCount(term);
            counting.add(pending);
        }
        Map<Long, Long> mentions = new HashMap<>();
        try {
            for (StoredText t : repository.textsContaining(term, Scope.ALL)) {
                mentions.merge(t.speechId(), StatsQueries.occurrences(t.text(), term), Long::sum);
            }
        } finally {
            synchronized (this) {
                counting.remove(pending);
            }
        }
        synchronized (this) {
            // what changed while the store was read: those speeches as the changes left them
            pending.replaced.forEach((speechId, texts) -> count(mentions, speechId, term, texts));
            mentions.values().removeIf(n -> n == 0);
            if (!terms.containsKey(term)) {
                terms.put(term, mentions);
                if (terms.size() > TERMS) {
                    terms.remove(terms.keySet().iterator().next());
                }
            }
            return Map.copyOf(terms.get(term));
        }
    }

    /** Reads the store's speeches again at the next read, as after a restart. */
    public synchronized void reload() {
        loadedEpoch = -1;
        generation.incrementAndGet();
    }

    /** Reads the store's speeches when they have not been read since the store was created or reset. */
    private void load() {
        if (loadedEpoch == repository.epoch()) {
            return;
        }
        synchronized (this) {
            long epoch = repository.epoch();
            if (loadedEpoch == epoch) {
                return;
            }
            long t0 = System.nanoTime();
            // read first: what is written while the speeches are read is read again at the next poll
            long storeGeneration = repository.storeGeneration().value();
            speeches.clear();
            terms.clear();
            int computed = 0;
            java.util.Set<Long> curated = repository.curatedSpeeches();
            for (StoredSpeech s : repository.speechesWithFigures()) {
                StoredSpeech speech = s;
                if (s.figures() == null || curated.contains(s.id())) {
                    speech = refigured(s.id(), s);
                    computed++;
                }
                if (speech != null) {
                    speeches.put(speech.id(), speech.withoutIds());
                }
            }
            loadedEpoch = epoch;
            seenGeneration = storeGeneration;
            generation.incrementAndGet();
            LOG.infof("Read the figures of %d speeches (%d computed from their facts) in %d ms", speeches.size(),
                    computed, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** A stored speech with its figures computed from its facts, stored when they differ from the stored ones. */
    private StoredSpeech refigured(long id, StoredSpeech read) {
        SpeechSlot slot = repository.speechSlot(id);
        StoredSpeech full = slot.speech();
        if (full == null) {
            return null;
        }
        SpeechFigures figures = FactFigures.of(repository.factsOf(full));
        if (!Objects.equals(figures, read.figures())) {
            // unless another writer stored the speech meanwhile: then the next poll reads what it stored
            repository.saveFigures(slot, figures);
        }
        return read.withFigures(figures);
    }
}
