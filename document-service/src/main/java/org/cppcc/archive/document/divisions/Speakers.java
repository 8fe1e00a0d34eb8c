package org.cppcc.archive.document.divisions;

import java.util.Optional;
import java.util.regex.Pattern;

import org.cppcc.archive.document.text.MatchForm;

/** Recognises the text that names a speaker (a speaker line under a speech title, a TOC entry's speaker part). */
public final class Speakers {

    private static final Pattern COMMITTEE = Pattern.compile("(?:政协|中国人民政治协商会议)[^:,()]{1,40}?委员会:?");

    private Speakers() {
    }

    /** The speaker named by {@code text} (one line, or the speaker part of a TOC entry), or empty. */
    public static Optional<Speaker> recognise(String text) {
        String form = MatchForm.of(text);
        if (!COMMITTEE.matcher(form).matches()) {
            return Optional.empty();
        }
        String name = text.strip();
        while (name.endsWith(":") || name.endsWith("：")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return Optional.of(new Speaker(name, SpeakerKind.COMMITTEE, null));
    }
}
