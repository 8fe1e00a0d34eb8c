package org.cppcc.archive.stats.rest;

import java.util.List;

/** RFC 4180 CSV for the list endpoints ({@code Accept: text/csv}). */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header.stream().map(h -> (Object) h).toList());
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = cells.get(i);
            String s = v == null ? "" : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.append(s);
        }
        out.append("\r\n");
    }
}
