package org.cppcc.archive.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * {@link TextNormalizer} folds traditional characters exactly as opencc4j's API does (asked one character at a time:
 * whether it is traditional, then its simplified forms), while reading only opencc4j's character table.
 */
class TextNormalizerTest {

    @Test
    void foldsEveryCharacterAsOpencc4jsApi() {
        int simplified = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            char expected = ch;
            if (ZhConverterUtil.isTraditional(ch)) {
                List<String> simple = ZhConverterUtil.toSimple(ch);
                if (simple != null && !simple.isEmpty() && simple.get(0).length() == 1) {
                    expected = simple.get(0).charAt(0);
                }
            }
            if (expected != ch) {
                simplified++;
                assertEquals(expected, TextNormalizer.fold(ch), () -> "U+" + Integer.toHexString(ch));
            } else if (TextNormalizer.fold(ch) != ch) {
                // what the other steps fold (widths, blanks, case) is none of opencc4j's business, but no Han
                assertFalse(Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN,
                        () -> "U+" + Integer.toHexString(ch) + " folded to " + TextNormalizer.fold(ch));
            }
        }
        assertTrue(simplified > 2000, "characters opencc4j simplifies: " + simplified);
    }

    @Test
    void foldsWidthsBlanksCaseAndTraditionalForms() {
        assertEquals("政协委员 协商 46个平台 abc", TextNormalizer.normalize("政協委員\u3000協商\t46個平臺 ＡＢｃ"));
    }
}
