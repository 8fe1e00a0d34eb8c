package org.cppcc.archive.document.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.cppcc.archive.document.divisions.Gazetteer;
import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.service.ExtractedText;
import org.cppcc.archive.document.text.MatchForm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every unseen fixture compilation (layouts the parser was not written against) parses into the structure written
 * down by hand in its expected.json, keeps every character of its text and invents none, and a mutated copy (wraps
 * moved, punctuation widened, furniture added) parses into the same speeches.
 */
class CompilationParserUnseenTest {

    private static final CompilationParser PARSER = new CompilationParser(Gazetteer.national());

    static List<UnseenFixture> fixtures() {
        return UnseenFixture.all();
    }

    private static ParsedCompilation parse(ExtractedText extracted) {
        return PARSER.parse(extracted.text(), extracted.options());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void parsesIntoTheExpectedStructure(UnseenFixture fixture) {
        ParsedCompilation c = parse(fixture.extracted());
        System.out.printf("unseen fixture %-50s coverage %.4f, %d warnings, %d unplaced%n", fixture,
                c.coverage(), c.warnings().size(), c.unplaced().size());
        c.warnings().forEach(w -> System.out.println("    warning " + w));
        assertEquals(Shape.of(fixture.expected()), Shape.of(c, fixture.expected()), fixture.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void keepsEverySourceCharacterAndInventsNone(UnseenFixture fixture) {
        ExtractedText extracted = fixture.extracted();
        ParsedCompilation c = parse(extracted);
        String source = Residue.sourceWithoutFurniture(extracted.text(), fixture.expected());
        List<String> placed = Residue.placedPieces(c);
        for (String piece : placed) {
            assertTrue(source.contains(piece), "invented: " + piece);
        }
        List<String> left = Residue.leftOver(source, placed, c);
        assertEquals(List.of(), left, "source text in no speech, cover, preface or structure line");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aMutatedCopyParsesIntoTheSameSpeeches(UnseenFixture fixture) {
        String mutated = Mutation.of(fixture, new Random(fixture.name().hashCode()));
        ParsedCompilation original = parse(fixture.extracted());
        ParsedCompilation copy = parse(UnseenFixture.extract(fixture.format(), mutated));
        assertEquals(MatchForm.of(Shape.of(original, fixture.expected())), MatchForm.of(Shape.of(copy, fixture.expected())),
                fixture + " mutated:\n" + mutated);
    }

    /** The structure as lines of text, so that a difference shows as a readable diff. */
    static final class Shape {

        private final StringBuilder b = new StringBuilder();

        private Shape line(String label, Object value) {
            b.append(label).append(": ").append(value).append('\n');
            return this;
        }

        static String of(JsonNode e) {
            Shape s = new Shape();
            s.line("title", text(e, "title")).line("subtitle", text(e, "subtitle")).line("meeting", text(e, "meeting"))
                    .line("date", text(e, "date")).line("province", text(e, "province"))
                    .line("preface", strings(e.get("preface")));
            for (JsonNode sp : e.get("speeches")) {
                JsonNode r = sp.get("region");
                s.line("speech", sp.get("order").asInt()).line(" committee", text(sp, "committee"))
                        .line(" kind", text(sp, "speakerKind")).line(" person", text(sp, "speakerName"))
                        .line(" region", r == null || r.isNull() ? null : text(r, "name") + " " + text(r, "code") + " "
                                + text(r, "level") + " " + text(r, "parent"))
                        .line(" title", text(sp, "title")).line(" subtitle", text(sp, "subtitle"))
                        .line(" date", text(sp, "date")).line(" tocPage", text(sp, "tocPage"))
                        .line(" body", sp.get("bodyAvailable").asBoolean()).line(" truncated", sp.get("truncated").asBoolean())
                        .line(" outline", strings(sp.get("outline")));
                sp.get("lead").forEach(p -> s.line("  lead", p.asText()));
                for (JsonNode sec : sp.get("sections")) {
                    s.line(" section " + sec.get("ordinal").asInt(), text(sec, "heading"));
                    sec.get("paragraphs").forEach(p -> s.line("  paragraph", p.asText()));
                }
            }
            return s.b.toString();
        }

        /** The parse in the same shape; dates at the precision the expected file writes them. */
        static String of(ParsedCompilation c, JsonNode e) {
            Shape s = new Shape();
            s.line("title", c.title()).line("subtitle", c.subtitle()).line("meeting", c.meeting())
                    .line("date", date(c.date(), text(e, "date"))).line("province", c.province())
                    .line("preface", c.preface());
            JsonNode expectedSpeeches = e.get("speeches");
            for (ParsedSpeech sp : c.speeches()) {
                Region r = sp.region();
                JsonNode es = sp.order() <= expectedSpeeches.size() ? expectedSpeeches.get(sp.order() - 1) : null;
                s.line("speech", sp.order()).line(" committee", sp.committee())
                        .line(" kind", sp.speakerKind().value()).line(" person", sp.speakerName())
                        .line(" region", r == null ? null : r.name() + " " + r.code() + " " + r.level() + " " + r.parent())
                        .line(" title", sp.title()).line(" subtitle", sp.subtitle())
                        .line(" date", date(sp.date(), es == null ? null : text(es, "date")))
                        .line(" tocPage", sp.tocPage()).line(" body", sp.bodyAvailable())
                        .line(" truncated", sp.truncated()).line(" outline", sp.outline());
                sp.lead().forEach(p -> s.line("  lead", p));
                for (ParsedSection sec : sp.sections()) {
                    s.line(" section " + sec.ordinal(), sec.heading());
                    sec.paragraphs().forEach(p -> s.line("  paragraph", p));
                }
            }
            return s.b.toString();
        }

        private static String date(LocalDate date, String expected) {
            if (date == null) {
                return null;
            }
            return expected != null && expected.length() == 7 ? date.toString().substring(0, 7) : date.toString();
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            if (array != null) {
                array.forEach(n -> out.add(n.asText()));
            }
            return out;
        }
    }

    /** What of the source is not in any stored text, and why it may be left over. */
    static final class Residue {

        private static final Pattern PAGE_NUMBER = Pattern.compile(
                "[-—–－]{1,3}\\s*[0-9０-９]{1,4}\\s*[-—–－]{1,3}|第\\s*[0-9]{1,4}\\s*页|[0-9]{1,4}/[0-9]{1,4}|[0-9]{1,4}");
        /**
         * Structure that is read, not stored: ordinals, list numbers, colons, leaders, page numbers, dates (also in
         * Chinese numerals), the TOC heading, the brackets round a TOC entry's speaker, the preface heading, a
         * speaker's office, and the 。 that ends a run-on heading.
         */
        private static final Pattern STRUCTURE = Pattern.compile(
                "([(（]?[0-9]{4}年[0-9]{1,2}月([0-9]{1,2}日)?[)）]?|[一二三四五六七八九十]{1,3}、"
                        + "|[(（]?[〇○零一二三四五六七八九]{4}年([一二三四五六七八九十]{1,2}月([一二三四五六七八九十]{1,3}日)?)?[)）]?"
                        + "|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[，,、]|[（(]|[）)]"
                        + "|[…⋯.·•・\\-—－_]+|[0-9０-９]+|[.．、:：]|目录|目次|前言|编者按"
                        + "|(常务|专职)?副?主席|副?秘书长|党组副?书记|副?主任|副?主委|(常务)?副?会长|委员)");

        /** The source without page furniture and whitespace; DOCX/PDF markup lines are what was extracted. */
        static String sourceWithoutFurniture(String text, JsonNode expected) {
            String runningHeader = expected.get("runningHeader") == null || expected.get("runningHeader").isNull()
                    ? null : expected.get("runningHeader").asText();
            StringBuilder out = new StringBuilder();
            int kept = 0;
            for (String line : text.replace("\uFEFF", "").split("\r\n|\r|\n", -1)) {
                String s = squeezed(line);
                if (s.isEmpty() || PAGE_NUMBER.matcher(s).matches()) {
                    continue;
                }
                if (s.equals(runningHeader) && kept >= 3) {
                    continue; // among the first lines it is the cover's title
                }
                kept++;
                out.append(s);
            }
            return out.toString();
        }

        /** Every stored text, whitespace removed, in the compilation's order. */
        static List<String> placedPieces(ParsedCompilation c) {
            List<String> pieces = new ArrayList<>();
            add(pieces, c.title());
            add(pieces, c.subtitle());
            c.preface().forEach(p -> add(pieces, p));
            for (ParsedSpeech s : c.speeches()) {
                add(pieces, s.committee());
                add(pieces, s.speakerName());
                add(pieces, s.title());
                add(pieces, s.subtitle());
                s.outline().forEach(o -> add(pieces, o));
                s.lead().forEach(p -> add(pieces, p));
                for (ParsedSection sec : s.sections()) {
                    add(pieces, sec.heading());
                    sec.paragraphs().forEach(p -> add(pieces, p));
                }
            }
            c.unplaced().forEach(u -> add(pieces, u.text()));
            return pieces;
        }

        private static void add(List<String> pieces, String text) {
            if (text != null && !text.isBlank()) {
                pieces.add(squeezed(text));
            }
        }

        /** Without any whitespace (U+3000 included): wraps and indentation are not text. */
        private static String squeezed(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                    .forEach(out::appendCodePoint);
            return out.toString();
        }

        /**
         * Removes every occurrence of every stored piece from the source (longest first, so a title inside a
         * paragraph does not break the paragraph), then the structure tokens; what remains was lost.
         */
        static List<String> leftOver(String source, List<String> pieces, ParsedCompilation c) {
            List<String> sorted = new ArrayList<>(pieces);
            sorted.sort((a, b) -> b.length() - a.length());
            String rest = source;
            for (String piece : sorted) {
                rest = rest.replace(piece, "\u0000");
            }
            List<String> left = new ArrayList<>();
            for (String fragment : rest.split("\u0000")) {
                String residue = STRUCTURE.matcher(fragment).replaceAll("");
                if (!residue.isEmpty()) {
                    left.add(fragment);
                }
            }
            return left;
        }
    }

    /**
     * A copy of a fixture as another office's export might give it: the body's hard wraps moved to another width
     * (text and PDF sources), ASCII punctuation widened to full width in the structural lines (TOC, speaker and
     * heading lines), and page furniture added between lines.
     */
    static final class Mutation {

        private static final Pattern STRUCTURAL = Pattern.compile(
                "^\\s*([0-9]{1,2}[.．]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[，,]).*|.*(委员会|政协|委会|工商联|界别|委员)[:：]?\\s*$");

        static String of(UnseenFixture fixture, Random random) {
            List<String> lines = new ArrayList<>(List.of(fixture.source().split("\n", -1)));
            if (!fixture.format().equals("docx")) {
                lines = rewrapped(lines, fixture.expected(), 19 + random.nextInt(8));
            }
            List<String> out = new ArrayList<>();
            int page = 1;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                out.add(STRUCTURAL.matcher(line).matches() ? widened(line) : line);
                if (i > 6 && i + 1 < lines.size() && random.nextInt(9) == 0) {
                    out.add(random.nextBoolean() ? "－ " + page + " －" : "第" + page + "页");
                    page++;
                }
            }
            return String.join("\n", out);
        }

        private static String widened(String line) {
            return line.replace(':', '：').replace(',', '，').replace('(', '（').replace(')', '）')
                    .replaceFirst("^(\\s*[0-9]{1,2})\\.", "$1．");
        }

        /**
         * Every run of lines that forms one expected paragraph, wrapped again at {@code width} (its first line keeps
         * its indentation). A wrap never falls after a sentence end or before a digit, and never leaves a line
         * that reads as a page number or a heading: a reader of the original could not tell those from a real
         * paragraph end either.
         */
        private static List<String> rewrapped(List<String> lines, JsonNode expected, int width) {
            List<String> paragraphs = new ArrayList<>();
            for (JsonNode sp : expected.get("speeches")) {
                sp.get("lead").forEach(p -> paragraphs.add(p.asText()));
                sp.get("sections").forEach(sec -> sec.get("paragraphs").forEach(p -> paragraphs.add(p.asText())));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); ) {
                int end = paragraphEnd(lines, i, paragraphs);
                if (end < 0) {
                    out.add(lines.get(i++));
                    continue;
                }
                String first = lines.get(i);
                String indent = first.substring(0, first.length() - first.stripLeading().length());
                StringBuilder text = new StringBuilder();
                for (int k = i; k < end; k++) {
                    text.append(lines.get(k).strip());
                }
                out.addAll(wrap(indent, text.toString(), width));
                i = end;
            }
            return out;
        }

        /** The end of the run of lines from i whose text is exactly one expected paragraph, or -1. */
        private static int paragraphEnd(List<String> lines, int i, List<String> paragraphs) {
            StringBuilder text = new StringBuilder();
            for (int k = i; k < lines.size() && k < i + 12; k++) {
                String line = lines.get(k).strip();
                if (line.isEmpty()) {
                    return -1;
                }
                text.append(line);
                if (k > i && paragraphs.contains(text.toString())) {
                    return k + 1;
                }
            }
            return -1;
        }

        private static List<String> wrap(String indent, String text, int width) {
            List<String> out = new ArrayList<>();
            int from = 0;
            while (from < text.length()) {
                int to = Math.min(text.length(), from + width);
                while (to < text.length() && to - from > width / 2 && !goodBreak(text, to)) {
                    to--;
                }
                out.add((out.isEmpty() ? indent : "") + text.substring(from, to));
                from = to;
            }
            return out;
        }

        private static boolean goodBreak(String text, int at) {
            String rest = text.substring(at);
            return "。！？；：:;!?…”’）)".indexOf(text.charAt(at - 1)) < 0
                    && !Character.isDigit(text.charAt(at)) && !Character.isDigit(text.charAt(at - 1))
                    && HeadingMarker.of(rest) == null && "，,、。”）".indexOf(text.charAt(at)) < 0;
        }
    }
}
