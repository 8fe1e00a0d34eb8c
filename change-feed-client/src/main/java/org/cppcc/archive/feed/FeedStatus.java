package org.cppcc.archive.feed;

import java.time.Instant;

/**
 * A consumer's view of the feed, named as in the status answers: {@code feedHead} is null before the first answer
 * of the feed, {@code feedError} while it answers, {@code lastAppliedAt} before any change.
 */
public record FeedStatus(long feedCursor, Long feedHead, long lagChanges, long lagSeconds, boolean caughtUp,
        boolean feedRunning, String feedError, Instant lastAppliedAt) {
}
