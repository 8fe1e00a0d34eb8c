package org.cppcc.archive.stats.extraction;

/**
 * How a number is hedged: {@code over} for 余/多/超过, {@code nearly} for 近, {@code about} for 约/左右,
 * {@code atLeast} for 至少 (a floor, e.g. 每年至少9次).
 */
public enum Approx {
    over, nearly, about, atLeast
}
