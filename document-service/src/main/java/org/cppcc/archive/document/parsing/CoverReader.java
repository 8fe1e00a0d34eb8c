package org.cppcc.archive.document.parsing;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads the cover after the table of contents: the title (possibly wrapped), the subtitle on the line before
 * the date, and the date line {@code (2021年9月28日)}.
 */
final class CoverReader {

    /** A cover is a handful of lines; if no date line comes within this many, the text is not understood. */
    private static final int MAX_COVER_LINES = 6;

    record Cover(String title, String subtitle, String meeting, LocalDate date, int endIndex) {
    }

    private CoverReader() {
    }

    static Cover read(List<SourceLine> lines, int start) {
        if (start >= lines.size()) {
            throw new CompilationFormatException(lines.get(lines.size() - 1).number(),
                    "unexpected end of text after the table of contents: the cover (title, subtitle, date) is missing");
        }
        for (int i = start; i < lines.size() && i - start <= MAX_COVER_LINES; i++) {
            LocalDate date = StructuralLines.date(lines.get(i));
            if (date == null) {
                continue;
            }
            if (i - start < 2) {
                throw new CompilationFormatException(lines.get(i).number(),
                        "the cover needs a title and a subtitle before the date line");
            }
            StringBuilder title = new StringBuilder();
            for (int t = start; t < i - 1; t++) {
                title.append(lines.get(t).text()); // a wrapped cover title is rejoined
            }
            String subtitle = lines.get(i - 1).text();
            return new Cover(title.toString(), subtitle, meeting(subtitle), date, i + 1);
        }
        throw new CompilationFormatException(lines.get(start).number(),
                "expected the cover (title, subtitle and a date line such as (2021年9月28日)) after the table of "
                        + "contents, found '" + BookmarkReader.excerpt(lines.get(start).text()) + "'");
    }

    /**
     * The meeting named by the subtitle: 全省政协工作经验交流会发言材料汇编 → 全省政协工作经验交流会. Cuts at 发言
     * (speech material), else drops a trailing 材料汇编 / 汇编 / 材料.
     */
    static String meeting(String subtitle) {
        String m = subtitle;
        int speech = m.indexOf("发言");
        if (speech > 0) {
            m = m.substring(0, speech);
        } else {
            for (String suffix : List.of("材料汇编", "汇编", "材料")) {
                if (m.endsWith(suffix) && m.length() > suffix.length()) {
                    m = m.substring(0, m.length() - suffix.length());
                    break;
                }
            }
        }
        if (m.endsWith("上的")) {
            m = m.substring(0, m.length() - 2);
        } else if (m.endsWith("上")) {
            m = m.substring(0, m.length() - 1);
        }
        return m.strip();
    }
}
