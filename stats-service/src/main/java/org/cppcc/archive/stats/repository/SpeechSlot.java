package org.cppcc.archive.stats.repository;

/**
 * What the store holds under a speech id: the stored speech (with its id lists; null when the speech was deleted),
 * the version it comes from, and the document's revision (null before the document existed or before documents kept
 * one). Every writer of a speech document replaces it only at the revision it read, so two writers that read the same
 * revision cannot both succeed: the one that loses reads again.
 */
public record SpeechSlot(long id, long version, Long revision, StoredSpeech speech) {

    /** Nothing stored under {@code id}. */
    static SpeechSlot empty(long id) {
        return new SpeechSlot(id, 0, null, null);
    }

    public boolean exists() {
        return revision != null || speech != null;
    }
}
