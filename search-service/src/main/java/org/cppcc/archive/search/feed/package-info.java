/**
 * Following document-service's change feed with the shared loop of {@code change-feed-client}
 * ({@link org.cppcc.archive.feed.FeedFollower}): the consumer that applies each page to the
 * {@link org.cppcc.archive.search.index.SpeechIndex} and replays the feed into a fresh index on a rebuild, and the
 * client that also looks up compilations.
 */
package org.cppcc.archive.search.feed;
