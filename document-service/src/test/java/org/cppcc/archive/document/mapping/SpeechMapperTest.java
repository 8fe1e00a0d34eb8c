package org.cppcc.archive.document.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.cppcc.archive.document.api.SpeechInput;
import org.cppcc.archive.document.repository.SpeechEntity;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class SpeechMapperTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final SpeechMapper mapper = new SpeechMapper(new JsonColumns(json));

    /** The snapshot puts the stored body JSON in as it is: the same text as writing the speech's whole detail. */
    @Test
    void theSnapshotIsTheDetailAsJson() throws Exception {
        SpeechEntity s = new SpeechEntity();
        mapper.apply(new SpeechInput(7L, 3, "政协成都市委员会", null, "张三", "成都市", "510100", "prefecture", "四川省",
                "搭建\"协商\"平台", "——在全省政协工作会议上的发言", LocalDate.of(2021, 9, 28), 5, true, false,
                List.of("导语，含\\反斜杠与\n换行。"), List.of(new SpeechInput.SectionInput(1, "强引领",
                        List.of("镇级协商平台46个。", "1788名委员。"))), List.of("一、强引领")), null, s);
        s.id = 42L;
        s.version = 2;
        s.createdAt = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        s.createdBy = "system";
        s.updatedAt = OffsetDateTime.of(2026, 12, 1, 9, 30, 0, 123_000_000, ZoneOffset.UTC);
        s.updatedBy = "editor";

        assertEquals(json.writeValueAsString(mapper.detail(s)), mapper.snapshot(s));
    }

    @Test
    void anEmptyBodyToo() throws Exception {
        SpeechEntity s = new SpeechEntity();
        mapper.apply(new SpeechInput(7L, 1, "政协雅安市委员会", null, null, null, null, null, null, "只有目录", null, null,
                null, false, null, null, null, null), null, s);
        s.id = 1L;
        s.version = 1;

        assertEquals(json.writeValueAsString(mapper.detail(s)), mapper.snapshot(s));
    }
}
