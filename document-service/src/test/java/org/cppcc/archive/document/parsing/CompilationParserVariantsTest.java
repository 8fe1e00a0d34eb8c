package org.cppcc.archive.document.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Encoding and layout variants of the seed parse to the same structure. */
class CompilationParserVariantsTest {

    private static ParsedCompilation original;

    @BeforeAll
    static void parseSeed() {
        original = Seed.parse(Seed.text());
    }

    @Test
    void crlfLineEndsParseIdentically() {
        assertEquals(original, Seed.parse(Seed.text().replace("\n", "\r\n")));
    }

    @Test
    void byteOrderMarkParsesIdentically() {
        assertEquals(original, Seed.parse("\uFEFF" + Seed.text()));
        assertEquals(original, Seed.parse("\uFEFF" + Seed.text().replace("\n", "\r\n")));
    }

    @Test
    void pageNumberLinesAreDropped() {
        List<String> lines = Seed.lines();
        // highest index first so earlier indexes stay valid; 88/89 is a wrap inside a paragraph
        lines.add(100, "- 3 -");          // between two paragraphs (after line 100)
        lines.add(88, "— 3 —");           // inside the wrapped paragraph of lines 88-89
        lines.add(78, "  — 1 —  ");       // between cover and first body
        lines.add(56, "-5-");             // inside the table of contents
        assertEquals(original, Seed.parse(Seed.join(lines)));
    }

    @Test
    void extraBlankAndWhitespaceLinesAreIgnored() {
        List<String> out = new ArrayList<>();
        for (String line : Seed.lines()) {
            out.add(line);
            out.add("");
            out.add(" \t\u3000\u00A0");
        }
        out.add(0, "");
        assertEquals(original, Seed.parse(Seed.join(out)));
    }

    @Test
    void fullWidthPunctuationInStructuralLinesGivesTheSameStructure() {
        ParsedCompilation variant = Seed.parse(Seed.join(mapLines(line -> {
            if (line.matches("\\d+\\.政协.*委员会:")) {
                return line.replace(':', '：').replaceFirst("\\.", "．"); // committee lines (bookmarks, TOC)
            }
            if (line.matches("[一二三四五六七八九十]+、.*") && !line.endsWith("。")) {
                return line.replace(',', '，');                            // headings
            }
            if (line.startsWith("(2021")) {
                return line.replace('(', '（').replace(')', '）');         // cover date
            }
            return line;
        })));
        // the body headings of the variant carry the full-width comma the variant introduced; nothing else differs
        assertEquals(shape(original), shape(variant).replace('，', ','));
        assertEquals(LocalDate.of(2021, 9, 28), variant.date());
        assertTrue(variant.speeches().get(0).sections().get(0).heading().equals("强引领，把准履职方向"));
        assertEquals(original.speeches().get(0).committee(), variant.speeches().get(0).committee());
    }

    @Test
    void allVariantsTogether() {
        List<String> lines = mapLines(line -> line.matches("\\d+\\.政协.*委员会:") ? line.replace(':', '：') : line);
        lines.add(130, "-9-");
        lines.add(75, "");
        String text = "\uFEFF" + Seed.join(lines).replace("\n", "\r\n\r\n");
        assertEquals(original, Seed.parse(text));
    }

    private static List<String> mapLines(UnaryOperator<String> f) {
        return new ArrayList<>(Seed.lines().stream().map(f).toList());
    }

    /** Every field of the compilation, one per line, for a readable comparison. */
    private static String shape(ParsedCompilation c) {
        StringBuilder b = new StringBuilder();
        b.append(c.title()).append('\n').append(c.subtitle()).append('\n').append(c.meeting()).append('\n')
                .append(c.date()).append('\n').append(c.province()).append('\n');
        for (ParsedSpeech s : c.speeches()) {
            b.append(s.order()).append(' ').append(s.committee()).append(' ').append(s.region()).append(' ')
                    .append(s.title()).append(' ').append(s.tocPage()).append(' ').append(s.bodyAvailable())
                    .append(' ').append(s.truncated()).append(' ').append(s.outline()).append('\n');
            s.lead().forEach(p -> b.append("  ").append(p).append('\n'));
            for (ParsedSection sec : s.sections()) {
                b.append(" ").append(sec.ordinal()).append(' ').append(sec.heading()).append('\n');
                sec.paragraphs().forEach(p -> b.append("  ").append(p).append('\n'));
            }
        }
        return b.toString();
    }
}
