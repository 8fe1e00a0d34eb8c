package org.cppcc.archive.document.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpeakerKindTest {

    @Test
    void theValidationPatternListsExactlyTheKinds() {
        assertEquals(Arrays.stream(SpeakerKind.values()).map(SpeakerKind::value).collect(Collectors.joining("|")),
                SpeakerKind.PATTERN);
        for (SpeakerKind kind : SpeakerKind.values()) {
            assertEquals(kind, SpeakerKind.fromValue(kind.value()).orElseThrow());
        }
    }
}
