/**
 * Following document-service's change feed with the shared loop of {@code change-feed-client}
 * ({@link org.cppcc.archive.feed.FeedFollower}): the consumer that applies each change through
 * {@link org.cppcc.archive.stats.service.ChangeApplier}, which stores the cursor after the change's facts.
 */
package org.cppcc.archive.stats.feed;
