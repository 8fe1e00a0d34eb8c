package org.cppcc.archive.search.analysis;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Folds text into the one form that is indexed and searched: full-width ASCII to ASCII, every blank (the
 * ideographic space, tabs, line breaks) to a space, upper to lower case, and traditional Chinese characters to
 * simplified ones (opencc4j's character table).
 *
 * <p>Every step maps one UTF-16 unit to exactly one, so offsets into the normalized text are offsets into the
 * original text: highlighting can search the normalized form and mark the original.
 */
public final class TextNormalizer {

    private static final char[] TABLE = buildTable();

    private TextNormalizer() {
    }

    /** One character, folded. */
    public static char fold(char c) {
        return TABLE[c];
    }

    /** The folded text; same length as {@code text}. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = TABLE[chars[i]];
        }
        return new String(chars);
    }

    /** A reader that folds as it reads; offsets stay those of the underlying text. */
    public static Reader reader(Reader in) {
        return new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = TABLE[buffer[offset + i]];
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static char[] buildTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = (char) c;
        }
        for (int c = 0xFF01; c <= 0xFF5E; c++) {
            table[c] = (char) (c - 0xFEE0);
        }
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                table[c] = ' ';
            }
        }
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char folded = table[c];
            if (Character.isSurrogate(folded)) {
                continue;
            }
            char lower = Character.toLowerCase(folded);
            if (Character.isLetter(lower) || Character.isDigit(lower)) {
                table[c] = lower;
            }
        }
        simplify(table, 0x3400, 0x4DBF);
        simplify(table, 0x4E00, 0x9FFF);
        simplify(table, 0xF900, 0xFAFF);
        return table;
    }

    /** Traditional → simplified where opencc4j gives a single-character simplified form. */
    private static void simplify(char[] table, int from, int to) {
        for (int c = from; c <= to; c++) {
            char ch = (char) c;
            if (!ZhConverterUtil.isTraditional(ch)) {
                continue;
            }
            List<String> simple = ZhConverterUtil.toSimple(ch);
            if (simple != null && !simple.isEmpty() && simple.get(0).length() == 1) {
                table[c] = simple.get(0).charAt(0);
            }
        }
    }
}
