package org.cppcc.archive.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** One wording for each mistake, whichever service makes the call. */
class ParamsTest {

    enum Tier { city, county }

    static String refusal(Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void integersHaveADefaultAndBounds() {
        assertEquals(20, Params.integer("size", null, 20, 1, 100));
        assertEquals(20, Params.integer("size", "  ", 20, 1, 100));
        assertEquals(7, Params.integer("size", " 7 ", 20, 1, 100));
        for (String bad : List.of("0", "101", "abc", "1.5", "99999999999", "1e3")) {
            assertEquals("size must be an integer from 1 to 100.", refusal(() -> Params.integer("size", bad, 20, 1, 100)));
        }
    }

    @Test
    void idsArePositive() {
        assertEquals(5L, Params.id("id", "5"));
        assertNull(Params.optionalId("compilationId", ""));
        for (String bad : List.of("0", "-5", "x", "9223372036854775808")) {
            assertEquals("compilationId must be a positive integer.", refusal(() -> Params.optionalId("compilationId", bad)));
        }
        assertEquals("id must be a positive integer.", refusal(() -> Params.id("id", null)));
    }

    @Test
    void cursorsStartAtZero() {
        assertEquals(0L, Params.cursor("after", null));
        assertEquals(12L, Params.cursor("after", "12"));
        assertEquals("after must be an integer ≥ 0.", refusal(() -> Params.cursor("after", "-1")));
    }

    @Test
    void booleansAreTrueOrFalse() {
        assertNull(Params.optionalBoolean("strict", null));
        assertEquals(Boolean.TRUE, Params.optionalBoolean("strict", "true"));
        assertEquals(Boolean.FALSE, Params.optionalBoolean("strict", "false"));
        assertEquals("strict must be true or false.", refusal(() -> Params.optionalBoolean("strict", "maybe")));
        assertEquals("dryRun must be true or false.", refusal(() -> Params.optionalBoolean("dryRun", "")));
    }

    @Test
    void textIsStrippedAndBounded() {
        assertNull(Params.text("region", " ", 10));
        assertEquals("成都市", Params.text("region", " 成都市 ", 10));
        assertEquals("region must be at most 3 characters.", refusal(() -> Params.text("region", "四川省成都市", 3)));
    }

    @Test
    void requiredDatesAndChoices() {
        assertEquals("q is required.", refusal(() -> Params.required("q", " ")));
        assertEquals("terms is required: e.g. terms=双助.", refusal(() -> Params.required("terms", null, "e.g. terms=双助.")));
        assertEquals("有事来协商", Params.required("q", "有事来协商"));
        assertEquals(LocalDate.of(2021, 9, 28), Params.date("dateFrom", "2021-09-28"));
        assertEquals("dateFrom must be a date like 2021-09-28.", refusal(() -> Params.date("dateFrom", "2021-13-01")));
        assertEquals(Tier.city, Params.oneOf("tier", "city", Tier.values()));
        assertEquals("tier must be one of [city, county].", refusal(() -> Params.oneOf("tier", "town", Tier.values())));
        assertEquals("status must be one of [a, b].", refusal(() -> Params.oneOf("status", "c", List.of("a", "b"))));
        assertEquals(Integer.valueOf(3), Params.<Integer>oneOf("n", "3", v -> v.equals("3") ? Optional.of(3) : Optional.empty(), List.of(3)));
    }

    @Test
    void freeTextRefusesControlCharactersButKeepsPastedLineBreaks() {
        assertEquals("q must not contain control characters.", refusal(() -> Params.text("q", "镇级\u0000平台", 200)));
        assertEquals("terms must not contain control characters.", refusal(() -> Params.text("terms", "双助\u001b", 50)));
        assertEquals("有事来协商\n平台", Params.text("q", "有事来协商\n平台", 200));
        assertEquals("有事\t来协商", Params.text("q", "有事\t来协商", 200));
    }
}
