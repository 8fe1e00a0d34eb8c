package org.cppcc.archive.stats.repository;

import java.time.Instant;

/** The consumer lease as the store granted it: the epoch it is held at and until when (by the holder's clock). */
public record LeaseGrant(long epoch, Instant expiresAt) {
}
