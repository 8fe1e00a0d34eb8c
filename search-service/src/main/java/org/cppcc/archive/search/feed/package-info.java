/**
 * Following document-service's change feed: its client (with the service account's token from quarkus-oidc-client),
 * and the consumer that applies each page to the {@link org.cppcc.archive.search.index.SpeechIndex} and replays the
 * feed into a fresh index on a rebuild.
 */
package org.cppcc.archive.search.feed;
