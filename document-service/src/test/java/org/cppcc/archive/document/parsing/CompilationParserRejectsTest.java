package org.cppcc.archive.document.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.cppcc.archive.document.divisions.Gazetteer;
import org.junit.jupiter.api.Test;

/**
 * Text the parser cannot make sense of: with nothing speech-like in it, it is refused with the 1-based line and a
 * reason; in strict mode so is anything not understood. Leniently, the same texts are parsed with a warning at
 * that line and nothing lost. Nothing but {@link CompilationFormatException} ever escapes.
 */
class CompilationParserRejectsTest {

    private static final CompilationParser PARSER = new CompilationParser(Gazetteer.national());

    private static ParsedCompilation strictly(String text) {
        return PARSER.parse(text, ParseOptions.TEXT.strictly(true));
    }

    private static CompilationFormatException rejected(String text) {
        return assertThrows(CompilationFormatException.class, () -> Seed.parse(text));
    }

    private static void assertRejectedAt(int line, String reasonFragment, String text) {
        assertRefusal(line, reasonFragment, rejected(text));
    }

    private static void assertStrictlyRejectedAt(int line, String reasonFragment, String text) {
        assertRefusal(line, reasonFragment, assertThrows(CompilationFormatException.class, () -> strictly(text)));
    }

    private static void assertRefusal(int line, String reasonFragment, CompilationFormatException e) {
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reasonFragment), e.getMessage());
        assertEquals("line " + line + ": " + e.reason(), e.getMessage());
    }

    /** Leniently the text parses, with a warning naming the line; returns the result. */
    private static ParsedCompilation leniently(int line, String reasonFragment, String text) {
        ParsedCompilation c = Seed.parse(text);
        assertTrue(c.warnings().stream().anyMatch(w -> w.line() == line && w.message().contains(reasonFragment)),
                "no warning at line " + line + " about '" + reasonFragment + "': " + c.warnings());
        assertTrue(c.coverage() >= 0 && c.coverage() <= 1, "coverage " + c.coverage());
        return c;
    }

    /** Every non-furniture character is in the compilation or listed as unplaced. */
    private static void assertNothingLost(ParsedCompilation c) {
        assertTrue(c.coverage() == 1.0 || !c.unplaced().isEmpty(), "coverage " + c.coverage() + " and nothing unplaced");
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
    void textWithNothingSpeechLikeIsRejected() {
        assertRejectedAt(1, "no speech found", "近年来,成都市政协认真贯彻。\n一、强引领\n");
        assertRejectedAt(1, "no speech found", firstLines(50));                 // the bookmarks alone
        assertStrictlyRejectedAt(1, "no speech found", firstLines(50));
    }

    @Test
    void textCutInsideTheTableOfContentsIsRejectedWhereItEndsInStrictMode() {
        assertStrictlyRejectedAt(51, "no entries", firstLines(51));           // just 目录
        assertRejectedAt(1, "no speech found", firstLines(51));
        assertStrictlyRejectedAt(58, "entry 4 (政协内江市委员会) has no title", firstLines(58));
        assertStrictlyRejectedAt(51, "the bookmarks list 12 committees but the table of contents has 3 entries",
                firstLines(57));                                               // after entry 3
        List<String> lines = Seed.lines().subList(0, 53);
        lines.set(52, lines.get(52).substring(0, 8));                        // cut inside the first title
        assertStrictlyRejectedAt(53, "entry 1 (政协成都市委员会) has no page number", Seed.join(lines));

        ParsedCompilation cut = leniently(58, "entry 4 (政协内江市委员会) has no title", firstLines(58));
        assertEquals(4, cut.speeches().size());
        assertFalse(cut.speeches().get(3).bodyAvailable());
        ParsedCompilation inTitle = leniently(53, "has no page number", Seed.join(lines));
        assertEquals("夯实履职基础提升", inTitle.speeches().get(0).title());
        assertNull(inTitle.speeches().get(0).tocPage());
    }

    @Test
    void tocEntryWithoutPageNumberIsRejectedInStrictMode() {
        List<String> lines = Seed.lines();
        lines.set(56, "构建全链条机制推动分基地建设");
        assertStrictlyRejectedAt(57, "entry 3 (政协绵阳市委员会) has no page number", Seed.join(lines));
        ParsedCompilation c = leniently(57, "entry 3 (政协绵阳市委员会) has no page number", Seed.join(lines));
        assertNull(c.speeches().get(2).tocPage());
        assertEquals("构建全链条机制推动分基地建设", c.speeches().get(2).title());
        assertTrue(c.speeches().get(2).bodyAvailable());
        assertNothingLost(c);
    }

    @Test
    void shuffledTableOfContentsIsRejectedInStrictMode() {
        List<String> lines = Seed.lines();
        Collections.swap(lines, 52, 54);                                     // titles (and pages) of entries 1, 2
        assertStrictlyRejectedAt(55, "out of order", Seed.join(lines));
        assertNothingLost(leniently(55, "out of order", Seed.join(lines)));

        lines = Seed.lines();
        Collections.swap(lines, 51, 53);                                     // committee lines of entries 1, 2
        assertStrictlyRejectedAt(52, "numbered 2 where 1 was expected", Seed.join(lines));
        assertNothingLost(leniently(52, "numbered 2 where 1 was expected", Seed.join(lines)));
    }

    @Test
    void swappedBodiesAreRejectedInStrictModeAndAttachedToTheirEntriesLeniently() {
        List<String> lines = Seed.lines();
        List<String> first = List.copyOf(lines.subList(78, 94));             // lines 79-94: body 1
        List<String> second = List.copyOf(lines.subList(94, 111));           // lines 95-111: body 2
        List<String> swapped = new java.util.ArrayList<>(lines.subList(0, 78));
        swapped.addAll(second);
        swapped.addAll(first);
        swapped.addAll(lines.subList(111, lines.size()));
        assertStrictlyRejectedAt(79 + second.size(), "out of table-of-contents order", Seed.join(swapped));
        ParsedCompilation c = leniently(79 + second.size(), "out of table-of-contents order", Seed.join(swapped));
        ParsedCompilation seed = Seed.parse(Seed.text());
        assertEquals(seed.speeches(), c.speeches());
        assertNothingLost(c);
    }

    @Test
    void bodyCommitteeLineMustMatchTheTocInStrictMode() {
        List<String> lines = Seed.lines();
        lines.set(79, "政协泸州市委员会");
        assertStrictlyRejectedAt(80, "does not match table of contents entry 1 (政协成都市委员会)", Seed.join(lines));
        ParsedCompilation c = leniently(80, "does not match table of contents entry 1 (政协成都市委员会)",
                Seed.join(lines));
        assertEquals("政协成都市委员会", c.speeches().get(0).committee());
        assertTrue(c.warnings().stream().anyMatch(w -> w.message().contains("政协泸州市委员会")), "the body's text");
        assertNothingLost(c);
    }

    @Test
    void bookmarksMustAgreeWithTheTocInStrictMode() {
        List<String> lines = Seed.lines();
        lines.set(2, "3.政协德阳市委员会:");
        assertStrictlyRejectedAt(3, "differs from table of contents entry 3", Seed.join(lines));
        assertNothingLost(leniently(3, "differs from table of contents entry 3", Seed.join(lines)));

        lines = Seed.lines();
        lines.remove(15);                                                    // speech 2 loses its 一、
        assertStrictlyRejectedAt(16, "out of sequence", Seed.join(lines));
        ParsedCompilation c = leniently(16, "out of sequence", Seed.join(lines));
        assertEquals(List.of("二、坚持双向发力", "三、坚持质量第一"), c.speeches().get(1).outline());
    }

    @Test
    void sectionsOutOfSequenceAreRejectedInStrictMode() {
        List<String> lines = Seed.lines();
        lines.set(85, "三、夯基础,筑牢履职保障");
        assertStrictlyRejectedAt(86, "out of sequence", Seed.join(lines));
        ParsedCompilation c = leniently(86, "out of sequence", Seed.join(lines));
        assertEquals(3, c.speeches().get(0).sections().get(1).ordinal());
        assertNothingLost(c);
    }

    @Test
    void invalidCoverDateIsRejectedInStrictMode() {
        List<String> lines = Seed.lines();
        lines.set(77, "(2021年13月28日)");
        assertStrictlyRejectedAt(78, "invalid date", Seed.join(lines));
        ParsedCompilation c = leniently(78, "invalid date", Seed.join(lines));
        assertNull(c.date());
        assertEquals("推动新时代人民政协工作不断走深走实", c.title());
    }

    @Test
    void textThatBelongsToNoSpeechIsRejectedInStrictModeAndListedLeniently() {
        List<String> lines = Seed.lines();
        lines.add(78, "这不是任何发言的标题");
        assertStrictlyRejectedAt(79, "belongs to no speech", Seed.join(lines));
        ParsedCompilation c = leniently(79, "belongs to no speech", Seed.join(lines));
        assertEquals(List.of(new UnplacedText(79, 79, "这不是任何发言的标题")), c.unplaced());
        assertTrue(c.coverage() < 1.0);
        assertEquals(Seed.parse(Seed.text()).speeches(), c.speeches());
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
            assertRejectedAt(1, "no speech found", "😀😀😀\n🇨🇳");

            // a long but acceptable line of leaders, numerals, brackets everywhere: linear-time scanning
            List<String> leaders = Seed.lines();
            leaders.add(60, "…".repeat(90_000) + "9");
            assertStrictlyRejectedAt(61, "has no title", Seed.join(leaders));
            leniently(61, "has no title", Seed.join(leaders));
        });
    }

    @Test
    void everyTruncationOfTheSeedIsParsedOrRejectedCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<String> lines = Seed.lines();
            for (int n = 1; n <= lines.size(); n++) {
                String text = Seed.join(lines.subList(0, n));
                try {
                    ParsedCompilation c = strictly(text);
                    assertTrue(n >= 75, "strictly parsed a text cut at line " + n);   // needs the whole TOC
                    assertEquals(12, c.speeches().size());
                } catch (CompilationFormatException e) {
                    assertTrue(e.line() >= 1 && e.line() <= n, e.getMessage());
                }
                try {
                    ParsedCompilation c = Seed.parse(text);
                    assertTrue(c.speeches().size() <= 12, "invented speeches at line " + n);
                    assertTrue(c.coverage() >= 0 && c.coverage() <= 1, "coverage " + c.coverage());
                } catch (CompilationFormatException e) {
                    assertTrue(e.line() >= 1 && e.line() <= n, e.getMessage());
                }
            }
        });
    }

    /** Parses leniently and strictly: either parses (coverage in [0, 1]) or refuses with a line in the text. */
    private static void parsesOrRefusesCleanly(String text, int lineCount) {
        for (boolean strict : new boolean[] {false, true}) {
            try {
                ParsedCompilation c = PARSER.parse(text, ParseOptions.TEXT.strictly(strict));
                assertTrue(c.coverage() >= 0 && c.coverage() <= 1, "coverage " + c.coverage());
            } catch (CompilationFormatException expected) {
                assertTrue(expected.line() >= 1 && expected.line() <= lineCount + 1, expected.getMessage());
            }
        }
    }

    @Test
    void randomStructuralNoiseNeverEscapesAsOtherExceptions() {
        String alphabet = "一二三十、。,，:：()（）.…·—-0123456789政协委员会目录年月日第页\uFFFD\u00A0\u3000 \t\n\r“”😀";
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
                String text = Seed.join(lines);
                parsesOrRefusesCleanly(text, text.split("\r\n|\r|\n", -1).length);
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
                parsesOrRefusesCleanly(Seed.join(lines), lines.size());
            }
        });
    }

    @Test
    void mutatedCompilationsTakeLinearTime() {
        // a 40-fold compilation (480 speeches, their bodies repeated) parses in well under a second per fold
        StringBuilder big = new StringBuilder();
        List<String> lines = Seed.lines();
        big.append(Seed.join(lines.subList(0, 78))).append('\n');
        for (int k = 0; k < 40; k++) {
            big.append(Seed.join(lines.subList(78, lines.size()))).append('\n');
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ParsedCompilation c = Seed.parse(big.toString());
            assertTrue(c.coverage() >= 0 && c.coverage() <= 1);
        });
    }
}
