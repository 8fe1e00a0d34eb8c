package org.cppcc.archive.document.parsing;

import java.time.LocalDate;
import java.util.List;

import org.cppcc.archive.document.divisions.SpeakerKind;
import org.cppcc.archive.document.divisions.Speakers;

/**
 * Reads what stands before the first speech and is neither table of contents nor bookmarks: the cover (title
 * lines, a subtitle, the date line {@code (2021年9月28日)} or {@code 2022年6月}) and a preface or editor's note
 * (前言, 编者按). Lines it does not understand stay unclaimed and are reported as unplaced.
 */
final class FrontMatter {

    /** A cover is a handful of lines above its date. */
    private static final int MAX_COVER_LINES = 5;
    /** Cover lines are short: a title, a subtitle. */
    private static final int MAX_COVER_LINE_CHARS = 50;
    /** The departments of a body that issue its compilations. */
    private static final List<String> ISSUING_OFFICES = List.of("办公厅", "办公室", "秘书处", "研究室");

    record Cover(String title, String subtitle, String meeting, LocalDate date) {
        static final Cover NONE = new Cover(null, null, null, null);
    }

    record Result(Cover cover, List<String> preface) {
    }

    private final List<SourceLine> lines;
    private final Claims claims;
    private final Findings findings;
    private final int limit;

    private FrontMatter(List<SourceLine> lines, Claims claims, Findings findings, int limit) {
        this.lines = lines;
        this.claims = claims;
        this.findings = findings;
        this.limit = limit;
    }

    /** @param limit index of the first speech header (the front matter ends there) */
    static Result read(List<SourceLine> lines, Claims claims, Layout layout, Findings findings, int limit) {
        FrontMatter front = new FrontMatter(lines, claims, findings, limit);
        Cover cover = front.cover();
        List<String> preface = front.preface(layout);
        return new Result(cover, preface);
    }

    private Cover cover() {
        for (int i = 0; i < limit; i++) {
            if (!claims.isFree(i)) {
                continue;
            }
            StructuralLines.DateLine date = StructuralLines.dateOf(lines.get(i).norm());
            if (date != null) {
                int from = i;
                while (from - 1 >= 0 && i - from < MAX_COVER_LINES && isCoverLine(from - 1)) {
                    from--;
                }
                LocalDate value = date.toDate(lines.get(i), findings);
                claims.claim(i, i + 1, Claims.Part.COVER);
                return coverOf(from, i, value);
            }
        }
        // no date: the first few short lines that stand between parts of the compilation (or open the text)
        for (int from = 0; from < limit; from++) {
            if (!isCoverLine(from) || claims.isFree(from - 1)) {
                continue;
            }
            int to = from;
            while (to < limit && to - from < 3 && isCoverLine(to)) {
                to++;
            }
            if (to == limit || !claims.isFree(to)) {
                return coverOf(from, to, null);
            }
        }
        return Cover.NONE;
    }

    /**
     * The cover from its lines [from, to): a subtitle is the line starting with —— if there is one (what follows
     * it is the issuing office, left unplaced), else the last line that does not name the issuing office
     * (江苏省政协办公厅 under the subtitle, also left unplaced); the lines before it are the title, wraps joined.
     */
    private Cover coverOf(int from, int to, LocalDate date) {
        int subtitle = -1;
        for (int k = from; k < to; k++) {
            if (StructuralLines.isSubtitle(lines.get(k).norm())) {
                subtitle = k;
                break;
            }
        }
        if (subtitle < 0) {
            int last = to > from && isIssuer(lines.get(to - 1).text()) ? to - 1 : to;
            subtitle = last - from >= 2 ? last - 1 : -1;
            to = last;
        }
        int titleEnd = subtitle < 0 ? to : subtitle;
        StringBuilder title = new StringBuilder();
        for (int k = from; k < titleEnd; k++) {
            title.append(lines.get(k).text());
        }
        claims.claim(from, titleEnd, Claims.Part.COVER);
        String sub = null;
        if (subtitle >= 0) {
            sub = lines.get(subtitle).text();
            claims.claim(subtitle, subtitle + 1, Claims.Part.COVER);
        }
        return new Cover(title.isEmpty() ? null : title.toString(), sub, sub == null ? null : meeting(sub), date);
    }

    /** The office that issues a compilation: a body (云南省政协提案委员会) or its general office (江苏省政协办公厅). */
    private static boolean isIssuer(String text) {
        String body = text.strip();
        for (String office : ISSUING_OFFICES) {
            if (body.endsWith(office) && body.length() > office.length()) {
                body = body.substring(0, body.length() - office.length());
                break;
            }
        }
        return Speakers.recognise(body).filter(s -> s.kind() != SpeakerKind.MEMBER && s.person() == null).isPresent();
    }

    private boolean isCoverLine(int index) {
        if (!claims.isFree(index)) {
            return false;
        }
        String norm = lines.get(index).norm();
        return norm.length() <= MAX_COVER_LINE_CHARS && !StructuralLines.containsSentenceEnd(norm)
                && !StructuralLines.endsSentence(norm) && HeadingMarker.of(norm) == null
                && StructuralLines.dateOf(norm) == null && !StructuralLines.isPrefaceHeading(norm)
                && !StructuralLines.isRunOnPreface(norm);
    }

    /** A preface: its heading (前言) and the paragraphs up to the next part, or an editor's note run on (编者按：…). */
    private List<String> preface(Layout layout) {
        for (int i = 0; i < limit; i++) {
            if (!claims.isFree(i)) {
                continue;
            }
            String norm = lines.get(i).norm();
            boolean heading = StructuralLines.isPrefaceHeading(norm);
            if (heading || StructuralLines.isRunOnPreface(norm)) {
                int from = heading ? i + 1 : i;
                int to = from;
                while (to < limit && claims.isFree(to)) {
                    to++;
                }
                claims.claim(i, to, Claims.Part.PREFACE);
                return BodyReader.paragraphs(lines.subList(from, to), layout);
            }
        }
        return List.of();
    }

    /**
     * The meeting a subtitle names: 全省政协工作经验交流会发言材料汇编 → 全省政协工作经验交流会, ——在政协郑州市第十五届委员会
     * 第二次会议上 → 政协郑州市第十五届委员会第二次会议. Cuts at 发言 (speech material) or drops a trailing 交流材料 /
     * 材料汇编 / 汇编 / 材料; null unless what remains names a meeting (ends in 会 or 会议).
     */
    static String meeting(String subtitle) {
        String m = subtitle.strip();
        while (m.startsWith("—") || m.startsWith("-")) {
            m = m.substring(1);
        }
        if (m.startsWith("在")) {
            m = m.substring(1);
        }
        int speech = m.indexOf("发言");
        if (speech > 0) {
            m = m.substring(0, speech);
        } else {
            for (String suffix : List.of("交流材料", "材料汇编", "汇编", "材料")) {
                if (m.endsWith(suffix) && m.length() > suffix.length()) {
                    m = m.substring(0, m.length() - suffix.length());
                    break;
                }
            }
        }
        for (String suffix : List.of("上的", "上", "交流")) {
            if (m.endsWith(suffix)) {
                m = m.substring(0, m.length() - suffix.length());
                break;
            }
        }
        if (m.endsWith("会议大会")) {
            m = m.substring(0, m.length() - 2);
        }
        m = m.strip();
        return m.endsWith("会") || m.endsWith("会议") ? m : null;
    }
}
