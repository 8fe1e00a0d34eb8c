package org.cppcc.archive.document.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.cppcc.archive.document.repository.ChangeEventEntity;
import org.cppcc.archive.document.repository.FeedHeadEntity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;

/**
 * Reads the change feed, optionally long-polling. Deliberately not @Transactional: each read is its own short
 * transaction, and no connection or transaction is held while waiting.
 * <p>
 * Waiting: writers fire {@link ChangeCommitted}, observed here only after their transaction committed, which bumps
 * a generation counter and wakes waiting readers, who then read again. A reader also re-reads at least every
 * second, which covers writes committed by another instance of this service against the same database. Waiting
 * readers run on worker threads (the resource method is blocking), never on the event loop.
 * <p>
 * Stopping: as shutdown begins, before Quarkus waits for the requests in flight, every waiting reader is answered
 * with what there is and no new one waits: a long-poll must not outlive the container it reads through (it would
 * fail once that stopped, its client cut off after the 10 s graceful wait).
 */
@ApplicationScoped
public class ChangeFeedService {

    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EntityManager em;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;
    private boolean stopping;

    public ChangeFeedService(EntityManager em) {
        this.em = em;
    }

    /** Up to {@code limit} changes with cursor > {@code after}, in cursor order. */
    public List<ChangeEventEntity> read(long after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ChangeEventEntity.after(after, limit));
    }

    /**
     * The newest cursor committed so far (0 while the feed is empty). {@code feed_head.last_cursor} is changed in
     * the same transaction that inserts the change with that cursor, so its committed value is exactly the latest
     * committed cursor (a rolled-back writer leaves it untouched). Read without a lock: it never waits for a
     * writer. Called after the items were read, it is never below the last item's cursor.
     */
    public long head() {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedHeadEntity head = em.find(FeedHeadEntity.class, FeedHeadEntity.ID);
            return head == null ? 0L : head.lastCursor;
        });
    }

    /** Like {@link #read}, but when there is nothing yet waits up to {@code wait} for a change to be committed. */
    public List<ChangeEventEntity> await(long after, int limit, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen = generation();
            List<ChangeEventEntity> items = read(after, limit);
            long remaining = deadline - System.nanoTime();
            if (!items.isEmpty() || remaining <= 0) {
                return items;
            }
            lock.lock();
            try {
                if (stopping) {
                    return items;
                }
                if (generation == seen) {
                    changed.awaitNanos(Math.min(remaining, RECHECK_NANOS));
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Fired as shutdown begins ({@code quarkus.shutdown.delay-enabled}), before the wait for requests in flight. */
    void onShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeCommitted event) {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }
}
