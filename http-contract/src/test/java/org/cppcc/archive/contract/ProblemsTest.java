package org.cppcc.archive.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void titlesAreTheReasonPhrases() {
        assertEquals("Precondition Failed", Problems.title(412));
        assertEquals("Precondition Required", Problems.title(428));
        assertEquals("Request Header Fields Too Large", Problems.title(431));
        assertEquals("Not Found", Problems.title(404));
        assertEquals("Error", Problems.title(499));
    }

    @Test
    void onlyPlainRequestIdsAreKept() {
        assertTrue(RequestIds.isSafe("abc-123_x.y:z"));
        assertFalse(RequestIds.isSafe(null));
        assertFalse(RequestIds.isSafe("a b"));
        assertFalse(RequestIds.isSafe("x".repeat(129)));
        assertFalse(RequestIds.isSafe("evil\r\nSet-Cookie: x"));
        assertTrue(RequestIds.isSafe(RequestIds.fresh()));
    }
}
