package org.cppcc.archive.stats.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV writer: the header from the row record, RFC 4180 quoting, nulls as empty cells. */
class CsvTest {

    record Row(String region, Number platforms, Double coverage, boolean represented) {
    }

    @Test
    void theHeaderIsTheRowRecordsComponentsInOrder() {
        assertEquals("region,platforms,coverage,represented\r\n", Csv.of(Row.class, List.of()));
    }

    @Test
    void cellsAreWrittenAsTheJsonWritesThemAndQuotedWhereTheyMustBe() {
        assertEquals("region,platforms,coverage,represented\r\n"
                + "内江市,46,1.0,true\r\n"
                + "\"a,b\",0.5,,false\r\n"
                + "\"say \"\"hi\"\"\",,,false\r\n"
                + "\"two\nlines\",1,,true\r\n",
                Csv.of(Row.class, List.of(new Row("内江市", 46L, 1.0, true), new Row("a,b", 0.5, null, false),
                        new Row("say \"hi\"", null, null, false), new Row("two\nlines", 1, null, true))));
    }
}
