package org.cppcc.archive.stats.extraction;

import java.util.List;

/**
 * What a member count says about coverage: 1788名委员全部划入10个工作组 → all of them (coverage 1.0) assigned
 * to 10个工作组; 642名委员按专业专长划分至专委会 → assigned to 专委会 by 专业专长 (coverage not stated).
 */
public final class MemberCoverage {

    private static final List<String> ALL = List.of("全部", "全体", "均", "都", "全员", "悉数");
    private static final List<String> ASSIGN = List.of("划入", "划分至", "划分到", "编入", "分配到", "分配至", "纳入",
            "编成", "分成", "分为");

    public record Coverage(Double coverage, String assignedTo, String basis) {
    }

    private MemberCoverage() {
    }

    /**
     * Reads the clause after a member fact: {@code offset} is the fact's end within {@code sentence}, where the
     * subject (委员) usually follows.
     */
    public static Coverage of(String sentence, int offset, String subject) {
        String rest = sentence.substring(Math.max(0, Math.min(offset, sentence.length())));
        if (subject != null && !subject.isEmpty() && rest.startsWith(subject)) {
            rest = rest.substring(subject.length());
        }
        int end = 0;
        while (end < rest.length() && ",，。；;！？!?".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String clause = rest.substring(0, end);
        Double coverage = null;
        for (String all : ALL) {
            if (clause.startsWith(all)) {
                coverage = 1.0;
            }
        }
        String assignedTo = null;
        String basis = null;
        for (String verb : ASSIGN) {
            int i = clause.indexOf(verb);
            if (i >= 0) {
                assignedTo = clause.substring(i + verb.length());
                String before = clause.substring(0, i);
                if (before.startsWith("按") || before.startsWith("按照")) {
                    basis = before.replaceFirst("^按照?", "");
                }
                break;
            }
        }
        return new Coverage(coverage, assignedTo == null || assignedTo.isEmpty() ? null : assignedTo, basis);
    }
}
