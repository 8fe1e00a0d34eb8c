package org.cppcc.archive.contract;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

/**
 * Query and path parameters are taken as strings and converted here, so that {@code page=abc} or {@code id=abc} is a
 * 400 problem naming the parameter rather than the framework's bare 404, and so that every service words the same
 * mistake the same way: "{@code <name> must be …}" or "{@code <name> is required.}".
 *
 * <p>Absent means null, empty or blank; a present value is stripped of surrounding white space before it is read.
 */
public final class Params {

    private Params() {
    }

    /** An integer from {@code min} to {@code max}, or {@code defaultValue} when absent. */
    public static int integer(String name, String raw, int defaultValue, int min, int max) {
        if (absent(raw)) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ProblemException(400, name + " must be an integer from " + min + " to " + max + ".");
    }

    /** A feed position: an integer ≥ 0, or 0 when absent. */
    public static long cursor(String name, String raw) {
        if (absent(raw)) {
            return 0;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ProblemException(400, name + " must be an integer ≥ 0.");
    }

    /** A positive id, or null when absent. */
    public static Long optionalId(String name, String raw) {
        return absent(raw) ? null : id(name, raw);
    }

    /** A positive id that must be there (a path parameter). */
    public static long id(String name, String raw) {
        if (!absent(raw)) {
            try {
                long value = Long.parseLong(raw.strip());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new ProblemException(400, name + " must be a positive integer.");
    }

    /** {@code true} or {@code false}, or null when absent (not sent at all). */
    public static Boolean optionalBoolean(String name, String raw) {
        // present but empty ("?dryRun=") is refused, not read as absent: a flag such as dryRun guards a write
        if (raw == null) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ProblemException(400, name + " must be true or false.");
        };
    }

    /**
     * A flag that guards a write ({@code dryRun}, {@code strict}), read as sent: {@code @QueryParam} reads
     * {@code ?dryRun=} as no value at all, but such a flag must refuse it rather than act as if it were not sent.
     */
    public static Boolean writeFlag(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        return optionalBoolean(name, values == null || values.isEmpty() ? null : values.get(0));
    }

    /**
     * A free-text filter: null when absent, else the stripped value of at most {@code max} characters and without
     * control characters (a NUL would reach the store's query language).
     */
    public static String text(String name, String raw, int max) {
        if (absent(raw)) {
            return null;
        }
        String value = withoutControlCharacters(name, raw.strip());
        if (value.length() > max) {
            throw new ProblemException(400, name + " must be at most " + max + " characters.");
        }
        return value;
    }

    /** A value that must be there, as it was sent. */
    public static String required(String name, String raw) {
        return required(name, raw, null);
    }

    /** A value that must be there, as it was sent; {@code hint} (e.g. an example) ends the refusal's wording. */
    public static String required(String name, String raw, String hint) {
        if (absent(raw)) {
            throw new ProblemException(400, name + " is required" + (hint == null ? "." : ": " + hint));
        }
        return raw;
    }

    private static String withoutControlCharacters(String name, String value) {
        // Line breaks and tabs come with pasted phrases and are white space to every reader; the others are not text.
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            throw new ProblemException(400, name + " must not contain control characters.");
        }
        return value;
    }

    /** An ISO date such as 2021-09-28, or null when absent. */
    public static LocalDate date(String name, String raw) {
        if (absent(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, name + " must be a date like 2021-09-28.");
        }
    }

    /** One of {@code allowed} (compared exactly), or null when absent. */
    public static String oneOf(String name, String raw, Collection<String> allowed) {
        return oneOf(name, raw, v -> allowed.contains(v) ? Optional.of(v) : Optional.empty(), allowed);
    }

    /** An enum constant by its name, or null when absent. */
    public static <E extends Enum<E>> E oneOf(String name, String raw, E[] values) {
        return oneOf(name, raw, v -> Arrays.stream(values).filter(e -> e.name().equals(v)).findFirst(),
                Arrays.asList(values));
    }

    /**
     * A value {@code parse} recognises, or null when absent; a value it does not is refused with the list of
     * {@code allowed} ones.
     */
    public static <T> T oneOf(String name, String raw, Function<String, Optional<T>> parse, Collection<?> allowed) {
        if (absent(raw)) {
            return null;
        }
        return parse.apply(raw.strip())
                .orElseThrow(() -> new ProblemException(400, name + " must be one of " + allowed + "."));
    }

    private static boolean absent(String raw) {
        return raw == null || raw.isBlank();
    }
}
