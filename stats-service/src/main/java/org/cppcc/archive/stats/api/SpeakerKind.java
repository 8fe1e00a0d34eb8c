package org.cppcc.archive.stats.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who gives a speech, as the document service's change feed names it ({@code speakerKind}); a speech from before
 * speakers had kinds carries none and is a committee's.
 */
public enum SpeakerKind {
    COMMITTEE("committee"), PARTY("party"), FEDERATION("federation"), SECTOR("sector"),
    SPECIAL_COMMITTEE("special-committee"), MEMBER("member");

    private final String value;

    SpeakerKind(String value) {
        this.value = value;
    }

    /** The name used in the feed, the store and the API. */
    public String value() {
        return value;
    }

    public static Optional<SpeakerKind> fromValue(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }
}
