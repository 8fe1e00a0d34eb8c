package org.cppcc.archive.feed;

import java.util.List;

/**
 * What the feed loop needs of a service's own page record ({@code GET /api/v1/changes}): its items, {@code next}
 * (the cursor to read after) and {@code head} (the feed's newest cursor; null from an older document-service).
 */
public interface FeedPage {

    List<?> items();

    long next();

    Long head();
}
