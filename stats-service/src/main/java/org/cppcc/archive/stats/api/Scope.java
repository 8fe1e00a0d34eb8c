package org.cppcc.archive.stats.api;

/**
 * What an aggregate is restricted to: one compilation, one region (by name), one kind of speaker; a null part does
 * not restrict. Facts, texts and speeches all carry these fields.
 */
public record Scope(Long compilationId, String region, SpeakerKind speakerKind) {

    public static final Scope ALL = new Scope(null, null, null);

    /** The kind a stored row names, committee when it names none (rows stored before speakers had kinds). */
    public static String speakerKindOf(String stored) {
        return stored == null ? SpeakerKind.COMMITTEE.value() : stored;
    }
}
