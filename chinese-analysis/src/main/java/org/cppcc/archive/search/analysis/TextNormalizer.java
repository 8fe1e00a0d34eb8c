package org.cppcc.archive.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Folds text into the one form that is indexed and searched: full-width ASCII to ASCII, every blank (the
 * ideographic space, tabs, line breaks) to a space, upper to lower case, and traditional Chinese characters to
 * simplified ones (opencc4j's character table, {@value #TRADITIONAL_TO_SIMPLIFIED}).
 *
 * <p>Every step maps one UTF-16 unit to exactly one, so offsets into the normalized text are offsets into the
 * original text: highlighting can search the normalized form and mark the original.
 */
public final class TextNormalizer {

    private static final String TRADITIONAL_TO_SIMPLIFIED = "/data/dictionary/TSCharacters.txt";
    /** The characters opencc4j converts one by one: those its {@code CharUtil.isChinese} admits. */
    private static final char FIRST_HAN = '\u4E00';
    private static final char LAST_HAN = '\u9FA5';
    private static final Pattern BLANKS = Pattern.compile("\\s+");

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
        simplify(table);
        return table;
    }

    /**
     * Traditional → simplified where opencc4j's table gives a single-character first form, read as opencc4j reads it
     * (lines of blank-separated fields, the traditional form first; a later line replaces an earlier one) but without
     * its API: asking that whether a character is traditional loads every one of its tables, the million-character
     * phrase tables included, a quarter of a second at start and some 15 MB held for good.
     */
    private static void simplify(char[] table) {
        try (BufferedReader lines = DataFiles.open(ZhConverterUtil.class, "opencc4j", TRADITIONAL_TO_SIMPLIFIED)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = BLANKS.split(line);
                if (fields.length < 2 || fields[0].length() != 1) {
                    continue;
                }
                char traditional = fields[0].charAt(0);
                if (traditional >= FIRST_HAN && traditional <= LAST_HAN) {
                    table[traditional] = fields[1].length() == 1 ? fields[1].charAt(0) : traditional;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read opencc4j's " + TRADITIONAL_TO_SIMPLIFIED, e);
        }
    }
}
