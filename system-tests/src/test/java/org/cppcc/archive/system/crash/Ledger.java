package org.cppcc.archive.system.crash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the writers were told. A write answered 2xx is <i>acknowledged</i>: its effect must be there at the end,
 * exactly. A write that got no answer (connection dropped, timeout) or a 5xx is <i>uncertain</i>: it may have
 * happened or not, but wholly or not at all; the writer leaves that speech (or fact) alone afterwards, so its
 * final state is one of exactly two.
 */
final class Ledger {

    /** What a speech holds as far as the test is concerned; {@code deleted} for a deleted one. */
    record SpeechState(String marker, long version, boolean deleted, String title, String lead, String paragraph,
            int planted) {

        static SpeechState deletedAfter(SpeechState s) {
            return new SpeechState(s.marker, s.version + 1, true, s.title, s.lead, s.paragraph, s.planted);
        }
    }

    /** One speech written by the test: its acknowledged state and, after an uncertain write, the other one. */
    static final class Tracked {
        final String marker;
        volatile Long id;
        volatile int order;
        volatile SpeechState acknowledged;
        volatile SpeechState uncertain;

        Tracked(String marker) {
            this.marker = marker;
        }

        boolean frozen() {
            return uncertain != null || acknowledged == null || acknowledged.deleted();
        }
    }

    /** One curation of a fact: the acknowledged one and, after an uncertain write, the other. */
    record Curation(String status, String note) {
    }

    static final class CuratedFact {
        final String id;
        volatile Curation acknowledged;
        volatile Curation uncertain;

        CuratedFact(String id, Curation initial) {
            this.id = id;
            this.acknowledged = initial;
        }
    }

    final List<Tracked> speeches = Collections.synchronizedList(new ArrayList<>());
    final Map<String, CuratedFact> facts = new ConcurrentHashMap<>();
    final AtomicInteger ackedCreates = new AtomicInteger();
    final AtomicInteger ackedReplaces = new AtomicInteger();
    final AtomicInteger ackedDeletes = new AtomicInteger();
    final AtomicInteger ackedCurations = new AtomicInteger();
    final AtomicInteger ackedImports = new AtomicInteger();
    final AtomicInteger uncertainWrites = new AtomicInteger();
    /** Answers no writer should ever get (a 412 on a speech only it writes, a 400, …). */
    final List<String> anomalies = Collections.synchronizedList(new ArrayList<>());

    /** The import: its speeches as acknowledged (null when it was not), and whether it was uncertain. */
    volatile List<Long> importedSpeechIds;
    volatile boolean importUncertain;

    int acknowledged() {
        return ackedCreates.get() + ackedReplaces.get() + ackedDeletes.get() + ackedCurations.get() + ackedImports.get();
    }
}
