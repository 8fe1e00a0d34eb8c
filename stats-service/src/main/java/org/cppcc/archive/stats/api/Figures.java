package org.cppcc.archive.stats.api;

/** Figures as the API writes them: a whole number without a spurious ".0", any other as a decimal. */
public final class Figures {

    private Figures() {
    }

    /** 46.0 → 46 (a Long), 0.5 → 0.5 (a Double); beyond 10^15 a Double, where a double is no longer exact. */
    public static Number of(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }
}
