/**
 * Following document-service's change feed: its client (with the service account's token from quarkus-oidc-client),
 * and the consumer that applies each change through {@link org.cppcc.archive.stats.service.ChangeApplier}, with the
 * lag it reports.
 */
package org.cppcc.archive.stats.feed;
