package org.cppcc.archive.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void marksMatchesAndEscapesEverythingElse() {
        Highlighter.Fragment f = Highlighter.highlight("<script>alert('x')</script> 双助 & more", List.of("双助"), 200);
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <em>双助</em> &amp; more", f.html());
        assertEquals(1, f.matches());
    }

    @Test
    void matchesTraditionalTextButShowsItAsWritten() {
        Highlighter.Fragment f = Highlighter.highlight("聚焦產業深耕“雙助”", List.of("双助"), 200);
        assertEquals("聚焦產業深耕“<em>雙助</em>”", f.html());
    }

    @Test
    void longestNeedleWinsAndFragmentsAreCut() {
        String text = "甲".repeat(300) + "有事来协商" + "乙".repeat(300);
        Highlighter.Fragment f = Highlighter.highlight(text, List.of("协商", "有事来协商"), 100);
        assertTrue(f.html().contains("<em>有事来协商</em>"), f.html());
        assertTrue(f.html().startsWith("…") && f.html().endsWith("…"));
        assertTrue(f.html().length() < 130);
    }

    @Test
    void noMatchNoFragment() {
        assertNull(Highlighter.highlight("协商平台", List.of("双助"), 100));
    }
}
