package org.cppcc.archive.document.rest;

import java.util.Arrays;
import java.util.Optional;

/**
 * Entity tags of speeches: {@code "<id>-v<version>"}. {@code If-None-Match} is compared weakly (a {@code W/}
 * prefix is ignored) and {@code If-Match} strongly, as RFC 9110 says.
 */
final class ETags {

    /** What an If-Match header asks for: any current version ({@code *}), or exactly this one. */
    record Expected(Long version) {
    }

    /** The longest If-Match or If-None-Match header taken (a list of a few of our tags); longer ones answer 400. */
    static final int MAX_LENGTH = 200;

    private ETags() {
    }

    static String of(long id, long version) {
        return "\"" + id + "-v" + version + "\"";
    }

    static boolean noneMatch(String ifNoneMatch, long id, long version) {
        if (ifNoneMatch == null) {
            return false;
        }
        String current = of(id, version);
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(current));
    }

    /**
     * The version an If-Match header requires, or empty when the header is missing. A tag that does not name this
     * speech yields version -1, which never matches (→ 412).
     */
    static Optional<Expected> ifMatch(String ifMatch, long id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        if (ifMatch.strip().equals("*")) {
            return Optional.of(new Expected(null));
        }
        String prefix = "\"" + id + "-v";
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith(prefix) && t.endsWith("\"") && t.length() > prefix.length() + 1) {
                try {
                    return Optional.of(new Expected(Long.parseLong(t.substring(prefix.length(), t.length() - 1))));
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
        return Optional.of(new Expected(-1L));
    }
}
