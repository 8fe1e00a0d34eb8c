package org.cppcc.archive.document.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text the parser cannot make sense of is rejected with the 1-based line and a reason; nothing else escapes. */
class CompilationParserRejectsTest {

    private static CompilationFormatException rejected(String text) {
        return assertThrows(CompilationFormatException.class, () -> Seed.parse(text));
    }

    private static void assertRejectedAt(int line, String reasonFragment, String text) {
        CompilationFormatException e = rejected(text);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reasonFragment), e.getMessage());
        assertEquals("line " + line + ": " + e.reason(), e.getMessage());
    }

    /** The seed's first {@code count} lines. */
    private static String firstLines(int count) {
        return Seed.join(Seed.lines().subList(0, count));
    }

    @Test
    void emptyTextIsRejectedAtLineOne() {
        assertRejectedAt(1, "empty", "");
        assertRejectedAt(1, "empty", "\uFEFF");
        assertRejectedAt(1, "empty", " \n\r\n\t\n\u3000\n");
        assertRejectedAt(1, "empty", null);
    }

    @Test
    void textWithoutTableOfContentsIsRejected() {
        assertRejectedAt(1, "expected the bookmark list", "近年来,成都市政协认真贯彻。\n一、强引领\n");
        assertRejectedAt(50, "no table of contents", firstLines(50));
    }

    @Test
    void textCutInsideTheTableOfContentsIsRejectedWhereItEnds() {
        assertRejectedAt(51, "no entries", firstLines(51));                  // just 目录
        assertRejectedAt(58, "entry 4 (政协内江市委员会) has no title", firstLines(58));
        assertRejectedAt(57, "cover", firstLines(57));                       // after entry 3, no cover
        List<String> lines = Seed.lines().subList(0, 53);
        lines.set(52, lines.get(52).substring(0, 8));                        // cut inside the first title
        assertRejectedAt(53, "entry 1 (政协成都市委员会) has no page number", Seed.join(lines));
    }

    @Test
    void tocEntryWithoutPageNumberIsRejected() {
        List<String> lines = Seed.lines();
        lines.set(56, "构建全链条机制推动分基地建设");
        assertRejectedAt(57, "entry 3 (政协绵阳市委员会) has no page number", Seed.join(lines));
    }

    @Test
    void shuffledTableOfContentsIsRejected() {
        List<String> lines = Seed.lines();
        Collections.swap(lines, 52, 54);                                     // titles (and pages) of entries 1, 2
        assertRejectedAt(55, "out of order", Seed.join(lines));

        lines = Seed.lines();
        Collections.swap(lines, 51, 53);                                     // committee lines of entries 1, 2
        assertRejectedAt(52, "numbered 2 where 1 was expected", Seed.join(lines));
    }

    @Test
    void swappedBodiesAreRejected() {
        List<String> lines = Seed.lines();
        List<String> first = List.copyOf(lines.subList(78, 94));             // lines 79-94: body 1
        List<String> second = List.copyOf(lines.subList(94, 111));           // lines 95-111: body 2
        List<String> swapped = new java.util.ArrayList<>(lines.subList(0, 78));
        swapped.addAll(second);
        swapped.addAll(first);
        swapped.addAll(lines.subList(111, lines.size()));
        assertRejectedAt(79 + second.size(), "out of table-of-contents order", Seed.join(swapped));
    }

    @Test
    void bodyCommitteeLineMustMatchTheToc() {
        List<String> lines = Seed.lines();
        lines.set(79, "政协泸州市委员会");
        assertRejectedAt(80, "does not match table of contents entry 1 (政协成都市委员会)", Seed.join(lines));
    }

    @Test
    void bookmarksMustAgreeWithTheToc() {
        List<String> lines = Seed.lines();
        lines.set(2, "3.政协德阳市委员会:");
        assertRejectedAt(3, "differs from table of contents entry 3", Seed.join(lines));

        lines = Seed.lines();
        lines.remove(15);                                                    // speech 2 loses its 一、
        assertRejectedAt(16, "out of sequence", Seed.join(lines));
    }

    @Test
    void sectionsOutOfSequenceAreRejected() {
        List<String> lines = Seed.lines();
        lines.set(85, "三、夯基础,筑牢履职保障");
        assertRejectedAt(86, "out of sequence", Seed.join(lines));
    }

    @Test
    void invalidCoverDateIsRejected() {
        List<String> lines = Seed.lines();
        lines.set(77, "(2021年13月28日)");
        assertRejectedAt(78, "invalid date", Seed.join(lines));
    }

    @Test
    void bodyThatIsNotASpeechIsRejected() {
        List<String> lines = Seed.lines();
        lines.add(78, "这不是任何发言的标题");
        assertRejectedAt(79, "expected the title line of a speech body", Seed.join(lines));
    }

    @Test
    void binaryGarbageIsRejected() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        assertTrue(rejected(new String(bytes, StandardCharsets.UTF_8)).line() >= 1);
        assertRejectedAt(1, "U+0000", "\u0000\u0001PK\u0003\u0004");
    }

    @Test
    void hostileInputOnlyEverRaisesCompilationFormatExceptionAndNeverHangs() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            String megaLine = "一、".repeat(500_000);
            assertRejectedAt(1, "line too long", megaLine);
            List<String> longLine = Seed.lines();
            longLine.set(100, "……".repeat(600_000) + "1");
            assertRejectedAt(101, "line too long", Seed.join(longLine));

            List<String> control = Seed.lines();
            control.set(120, control.get(120) + "\u0007");
            assertRejectedAt(121, "U+0007", Seed.join(control));

            List<String> emoji = Seed.lines();
            emoji.set(120, "😀👍🏽 " + emoji.get(120) + " 🇨🇳");             // emoji are text: kept as is
            ParsedCompilation withEmoji = Seed.parse(Seed.join(emoji));
            assertTrue(withEmoji.speeches().get(2).sections().get(2).paragraphs().get(0).startsWith("将建设学习型组织"));
            assertTrue(withEmoji.speeches().get(2).sections().get(2).paragraphs().get(0).contains("😀👍🏽 专题辅导"));
            assertRejectedAt(1, "expected the bookmark list", "😀😀😀\n🇨🇳");

            // a long but acceptable line of leaders, numerals, brackets everywhere: linear-time scanning
            List<String> leaders = Seed.lines();
            leaders.add(60, "…".repeat(90_000) + "9");
            assertRejectedAt(61, "has no title", Seed.join(leaders));
        });
    }

    @Test
    void everyTruncationOfTheSeedIsParsedOrRejectedCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<String> lines = Seed.lines();
            for (int n = 1; n <= lines.size(); n++) {
                String text = Seed.join(lines.subList(0, n));
                try {
                    ParsedCompilation c = Seed.parse(text);
                    assertTrue(n >= 78, "parsed a text cut at line " + n);        // needs at least the cover
                    assertEquals(12, c.speeches().size());
                } catch (CompilationFormatException e) {
                    assertTrue(e.line() >= 1 && e.line() <= n, e.getMessage());
                }
            }
        });
    }

    @Test
    void randomStructuralNoiseNeverEscapesAsOtherExceptions() {
        String alphabet = "一二三十、。,，:：()（）.…·—-0123456789政协委员会目录年月日\u00A0\u3000 \t\n\r“”😀";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(7);
            for (int round = 0; round < 300; round++) {
                List<String> lines = Seed.lines();
                for (int m = 0; m < 1 + random.nextInt(5); m++) {
                    StringBuilder noise = new StringBuilder();
                    for (int k = random.nextInt(30); k > 0; k--) {
                        int at = random.nextInt(alphabet.length());
                        noise.append(Character.isHighSurrogate(alphabet.charAt(at))
                                ? alphabet.substring(at, at + 2) : String.valueOf(alphabet.charAt(at)));
                    }
                    int a = random.nextInt(lines.size());
                    if (random.nextBoolean()) {
                        lines.add(a, noise.toString());
                    } else {
                        lines.set(a, lines.get(a) + noise);
                    }
                }
                try {
                    Seed.parse(Seed.join(lines));
                } catch (CompilationFormatException expected) {
                    assertTrue(expected.line() >= 1, expected.getMessage());
                }
            }
        });
    }

    @Test
    void randomMutationsOfTheSeedNeverEscapeAsOtherExceptions() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(20210928);
            for (int round = 0; round < 400; round++) {
                List<String> lines = Seed.lines();
                for (int m = 0; m < 1 + random.nextInt(4); m++) {
                    int a = random.nextInt(lines.size());
                    int b = random.nextInt(lines.size());
                    switch (random.nextInt(5)) {
                        case 0 -> Collections.swap(lines, a, b);
                        case 1 -> lines.remove(a);
                        case 2 -> lines.add(a, lines.get(b));
                        case 3 -> lines.set(a, lines.get(a).substring(0, random.nextInt(lines.get(a).length() + 1)));
                        default -> lines.set(a, lines.get(a) + lines.get(b));
                    }
                }
                try {
                    Seed.parse(Seed.join(lines));
                } catch (CompilationFormatException expected) {
                    assertTrue(expected.line() >= 1 && expected.line() <= lines.size() + 1, expected.getMessage());
                }
            }
        });
    }
}
