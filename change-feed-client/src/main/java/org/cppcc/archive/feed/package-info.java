/**
 * How search-service and stats-service follow document-service's change feed: the service account's token
 * ({@link org.cppcc.archive.feed.ServiceToken}, quarkus-oidc-client), the feed's HTTP client, the backoff, and
 * {@link org.cppcc.archive.feed.FeedFollower}, the loop each service plugs its own page type and its own way of
 * applying a page into. No service's code is here: each keeps its typed change records and its store.
 */
package org.cppcc.archive.feed;
