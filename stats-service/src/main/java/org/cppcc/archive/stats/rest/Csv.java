package org.cppcc.archive.stats.rest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * RFC 4180 CSV for the list endpoints ({@code Accept: text/csv}): the one writer, from rows that are records. The
 * header is the row record's component names, each line its values in that order (nulls empty); a cell with a
 * comma, quote or line break is quoted.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    static <R extends Record> String of(Class<R> rowType, List<R> rows) {
        RecordComponent[] columns = rowType.getRecordComponents();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            cell(out, i, columns[i].getName());
        }
        out.append("\r\n");
        for (R row : rows) {
            for (int i = 0; i < columns.length; i++) {
                cell(out, i, value(columns[i], row));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + column.getName() + " of " + row.getClass(), e);
        }
    }

    private static void cell(StringBuilder out, int index, Object v) {
        if (index > 0) {
            out.append(',');
        }
        String s = v == null ? "" : v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        out.append(s);
    }
}
