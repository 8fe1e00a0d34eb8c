package org.cppcc.archive.search.model;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The state of the index as a portal or an operator sees it: the feed fields every feed consumer of the archive
 * answers alike, then search's own. {@code feedHead} is the newest cursor the consumer has seen (null before its
 * first answer); {@code lagSeconds} counts from when the index last held every change.
 */
public record SearchStatus(String service, long indexedSpeeches, long feedCursor,
        @Schema(nullable = true) Long feedHead, long lagChanges, long lagSeconds, boolean caughtUp,
        boolean feedRunning, @Schema(nullable = true) String feedError, @Schema(nullable = true) Instant lastAppliedAt,
        boolean rebuilding, @Schema(nullable = true) String lastRebuild) {
}
