package org.cppcc.archive.document.rest;

/**
 * Query and path parameters are taken as strings and converted here, so that {@code page=abc} or {@code id=abc}
 * is a 400 problem naming the parameter rather than the framework's bare 404.
 */
final class Params {

    private Params() {
    }

    static int integer(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
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

    static long cursor(String name, String raw) {
        if (raw == null || raw.isBlank()) {
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
    static Long optionalId(String name, String raw) {
        return raw == null || raw.isBlank() ? null : id(name, raw);
    }

    static long id(String name, String raw) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // refused below
        }
        throw new ProblemException(400, name + " must be a positive integer.");
    }

    static Boolean optionalBoolean(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ProblemException(400, name + " must be true or false.");
        };
    }

    /** A free-text filter: absent, or at most {@code max} characters. */
    static String text(String name, String raw, int max) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.length() > max) {
            throw new ProblemException(400, name + " must be at most " + max + " characters.");
        }
        return raw;
    }
}
