package org.cppcc.archive.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Term frequencies of a generated corpus (terms as the service's word analysis cuts them: jieba with its domain
 * lexicon, stop words left out), and the figures that tell a Zipf-like text from a recombined one: distinct terms,
 * the share of all term occurrences taken by the most frequent term and by the top 10 / 100 / 1,000, the terms seen
 * once, and the slope of log frequency over log rank (about -1 for natural text).
 */
final class TermStatistics {

    private final Map<String, int[]> counts = new HashMap<>();
    private long total;

    void add(String term) {
        counts.computeIfAbsent(term, t -> new int[1])[0]++;
        total++;
    }

    long total() {
        return total;
    }

    int distinct() {
        return counts.size();
    }

    String summary() {
        if (total == 0) {
            return "no terms counted";
        }
        int[] sorted = counts.values().stream().mapToInt(c -> c[0]).sorted().toArray();
        int n = sorted.length;
        int[] desc = new int[n];
        for (int i = 0; i < n; i++) {
            desc[i] = sorted[n - 1 - i];
        }
        String top = counts.entrySet().stream().filter(e -> e.getValue()[0] == desc[0]).map(Map.Entry::getKey)
                .findFirst().orElse("?");
        long once = Arrays.stream(desc).filter(c -> c == 1).count();
        return String.format(Locale.ROOT, "%,d term occurrences, %,d distinct terms, top term %s %.2f%%, top 10 "
                + "%.1f%%, top 100 %.1f%%, top 1000 %.1f%%, %,d terms seen once, Zipf slope %.2f (ranks 10-10000)",
                total, n, top, 100.0 * desc[0] / total, share(desc, 10), share(desc, 100), share(desc, 1000), once,
                slope(desc, 10, 10_000));
    }

    private double share(int[] desc, int k) {
        long sum = 0;
        for (int i = 0; i < Math.min(k, desc.length); i++) {
            sum += desc[i];
        }
        return 100.0 * sum / total;
    }

    /** Least-squares slope of log(frequency) over log(rank), ranks from..to (1-based), sampled logarithmically. */
    private static double slope(int[] desc, int from, int to) {
        int last = Math.min(to, desc.length);
        if (last <= from) {
            return Double.NaN;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int points = 0;
        for (double r = from; r <= last; r *= 1.1) {
            double x = Math.log(r);
            double y = Math.log(desc[(int) r - 1]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            points++;
        }
        return (points * sxy - sx * sy) / (points * sxx - sx * sx);
    }
}
