package org.cppcc.archive.stats.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The state of the fact store as a dashboard or an operator sees it: its counts, then the feed fields every feed
 * consumer of the archive answers alike. {@code feedCursor} is the last change applied, {@code feedHead} the newest
 * cursor the consumer has seen (null before its first answer), {@code lagChanges} the changes between them;
 * {@code lagSeconds} counts from when the store last held every change. Of several stats-services sharing one
 * database only the one holding the consumer lease follows the feed: {@code leaseHeld} says whether this one
 * ({@code replica}, its name in the lease) does; the others show the cursor it stored, {@code feedRunning} false.
 */
public record StatsStatus(String service, long facts, long speeches, long feedCursor,
        @Schema(nullable = true) Long feedHead, long lagChanges, long lagSeconds, boolean caughtUp,
        boolean feedRunning, @Schema(nullable = true) String feedError,
        @Schema(nullable = true) Instant lastAppliedAt, String replica, boolean leaseHeld) {
}
