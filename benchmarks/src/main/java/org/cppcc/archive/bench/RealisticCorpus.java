package org.cppcc.archive.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A benchmark corpus that reads like real text ({@code --corpus realistic}): speeches written sentence by sentence
 * from every compilation the project has (the seed, and document-service's import fixtures: their hand-written
 * structure in {@code *.expected.json}, or their raw text when a fixture has none), in the seed's layout.
 *
 * <p>Each source sentence becomes a template: the service's own word analysis cuts it into words, numbers and the
 * names of divisions found in the gazetteer are marked. A generated sentence is a template with every number
 * drawn anew (same number of digits; years stay years), every place name replaced by another division of the same
 * level from anywhere in the country, and each word, with probability {@value #REPLACE}, replaced by a word drawn
 * from a Zipf distribution (exponent {@value #ZIPF_EXPONENT}) over a vocabulary whose head is the sources' own
 * words by frequency and whose long tail is {@value #SYNTHETIC_WORDS} made-up words of their characters (drawn by
 * character frequency) and the place names: common words stay common, and the number of distinct terms keeps
 * growing with the corpus as in real text. Committees are the county-level divisions of one province per
 * compilation, drawn from the gazetteer. Compilation {@code k} depends only on (seed, k, speeches).
 */
final class RealisticCorpus implements CorpusSource {

    static final double REPLACE = 0.4;
    static final double ZIPF_EXPONENT = 1.05;
    static final int SYNTHETIC_WORDS = 400_000;

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern HAN_WORD = Pattern.compile("\\p{IsHan}{2,}");
    private static final Pattern SENTENCE = Pattern.compile("[^。！？；!?;]+[。！？；!?;]+[”’）)]*");
    /** Lines a parser of the seed's layout could take for structure: numbering, TOC leaders, page numbers. */
    private static final Pattern STRUCTURAL_START = Pattern.compile(
            "^([\\d０-９]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\\d]|第[一二三四五六七八九十\\d]|[—－-]|政协).*");
    private static final String NUMERALS = "一二三四五六七八九十";

    /** A piece of a template: text kept as is, a word (replaceable or not), a number, or a place of a level. */
    private record Piece(String text, char kind, String level) {
        static final char LITERAL = 'l';
        static final char WORD = 'w';
        static final char FIXED_WORD = 'f';
        static final char NUMBER = 'n';
        static final char PLACE = 'p';
    }

    private record Template(List<Piece> pieces) {
    }

    private record Division(String code, String name, String level, String parent) {
    }

    private final long seed;
    private final List<Template> sentences = new ArrayList<>();
    private final List<Template> openings = new ArrayList<>();
    private final List<Template> headings = new ArrayList<>();
    private final List<Template> titles = new ArrayList<>();
    private final String[] vocabulary;
    private final double[] cumulative;
    private final Map<String, List<String>> placesByLevel = new LinkedHashMap<>();
    private final Map<String, String> levelOfPlace = new HashMap<>();
    /** Province code → the committees of its county-level divisions. */
    private final Map<String, List<String>> committeesByProvince = new LinkedHashMap<>();
    private final List<String> provinces = new ArrayList<>();
    private final TermStatistics statistics = new TermStatistics();
    private final int sources;
    private final int sourceWords;
    private List<String> firstParagraphs = List.of();

    RealisticCorpus(long seed) {
        this.seed = seed;
        readGazetteer(resource("/gazetteer/divisions.tsv"));
        Corpus seedCorpus = new Corpus(seed);
        List<String> paragraphs = new ArrayList<>(seedCorpus.paragraphs());
        List<String> headingTexts = new ArrayList<>(seedCorpus.headings());
        List<String> titleTexts = new ArrayList<>(seedCorpus.titles());
        this.sources = 1 + readFixtures(paragraphs, headingTexts, titleTexts);

        Map<String, Integer> wordCounts = new HashMap<>();
        Map<Character, Integer> charCounts = new HashMap<>();
        for (String p : paragraphs) {
            Matcher m = SENTENCE.matcher(p);
            while (m.find()) {
                String s = m.group().strip();
                if (s.length() < 8 || s.contains("…") || s.contains("·")) {
                    continue;
                }
                Template t = template(s, wordCounts, charCounts);
                sentences.add(t);
                if (!STRUCTURAL_START.matcher(s).matches()) {
                    openings.add(t);
                }
            }
        }
        for (String h : new LinkedHashSet<>(headingTexts)) {
            String clean = h.replaceAll("^([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[.．、])", "")
                    .replaceAll("[。；;，,]+$", "").strip();
            if (clean.length() >= 4 && !clean.contains("…")) {
                headings.add(template(clean, wordCounts, charCounts));
            }
        }
        for (String t : new LinkedHashSet<>(titleTexts)) {
            if (t.length() >= 4 && !t.contains("…")) {
                titles.add(template(t.strip(), wordCounts, charCounts));
            }
        }
        this.sourceWords = wordCounts.size();
        this.vocabulary = vocabulary(wordCounts, charCounts, new Random(seed ^ 0x5DEECE66DL));
        this.cumulative = zipf(vocabulary.length);
    }

    @Override
    public Corpus.Generated compilation(int index, int speeches) {
        if (speeches < 1 || speeches > Corpus.MAX_SPEECHES_PER_COMPILATION) {
            throw new IllegalArgumentException("1 to " + Corpus.MAX_SPEECHES_PER_COMPILATION
                    + " speeches per compilation");
        }
        Random random = new Random(seed * 1_000_003L + index);
        List<String> committees = committeesByProvince.get(provinces.get(random.nextInt(provinces.size())));
        List<String> committeeOf = new ArrayList<>();
        List<String> titleOf = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < speeches; i++) {
            String committee = committees.get(random.nextInt(committees.size()));
            committeeOf.add(committee);
            Segments.of(committee).forEach(s -> statistics.add(s.term()));
            titleOf.add(Corpus.unique(render(pick(random, titles), random), used));
        }
        List<Corpus.Body> bodies = new ArrayList<>();
        for (int i = 0; i < speeches; i++) {
            List<String> lead = new ArrayList<>();
            int leadCount = 1 + random.nextInt(2);
            for (int p = 0; p < leadCount; p++) {
                lead.add(paragraph(random));
            }
            List<Corpus.Section> sections = new ArrayList<>();
            int sectionCount = 2 + random.nextInt(Math.min(4, NUMERALS.length() - 1));
            for (int s = 0; s < sectionCount; s++) {
                String heading = render(pick(random, headings), random);
                List<String> texts = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int p = 0; p < count; p++) {
                    texts.add(paragraph(random));
                }
                sections.add(new Corpus.Section(heading, texts));
            }
            bodies.add(new Corpus.Body(lead, sections));
        }
        if (index == 0) {
            List<String> first = new ArrayList<>();
            bodies.forEach(b -> {
                first.addAll(b.lead());
                b.sections().forEach(s -> first.addAll(s.paragraphs()));
            });
            firstParagraphs = first;
        }
        return Corpus.layout(index, committeeOf, titleOf, bodies);
    }

    @Override
    public List<String> paragraphs() {
        return firstParagraphs.isEmpty() ? List.of("协商议事") : firstParagraphs;
    }

    @Override
    public TermStatistics statistics() {
        return statistics;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "realistic: %d compilations (the seed and document-service's fixtures), "
                + "%d sentence templates, %d headings, %d titles, %,d source words + %,d made-up words + %,d place "
                + "names in the Zipf vocabulary (s=%.2f, replace %.0f%%), committees of %d provinces",
                sources, sentences.size(), headings.size(), titles.size(), sourceWords, SYNTHETIC_WORDS,
                levelOfPlace.size(), ZIPF_EXPONENT, 100 * REPLACE, provinces.size());
    }

    /** 2-5 sentences, the first not one a parser could take for a heading, a number or a page line. */
    private String paragraph(Random random) {
        StringBuilder p = new StringBuilder();
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String s = render(pick(random, i == 0 ? openings : sentences), random);
            if (i == 0 && STRUCTURAL_START.matcher(s).matches()) {
                s = "同时，" + s;
                statistics.add("同时");
            }
            p.append(s);
        }
        return p.toString();
    }

    private String render(Template template, Random random) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : template.pieces()) {
            String text = switch (piece.kind()) {
                case Piece.WORD -> random.nextDouble() < REPLACE ? draw(random) : piece.text();
                case Piece.NUMBER -> number(piece.text(), random);
                case Piece.PLACE -> {
                    List<String> same = placesByLevel.get(piece.level());
                    yield same.get(zipfIndex(random, same.size()));
                }
                default -> piece.text();
            };
            if (piece.kind() != Piece.LITERAL) {
                statistics.add(piece.kind() == Piece.WORD || piece.kind() == Piece.FIXED_WORD
                        ? text : text.toLowerCase(Locale.ROOT));
            }
            out.append(text);
        }
        return out.toString();
    }

    /** A number like {@code original}: as many digits (no leading zero); a year 2010-2024 for 19xx/20xx. */
    private static String number(String original, Random random) {
        int digits = original.length();
        if (digits == 4 && (original.startsWith("19") || original.startsWith("20"))) {
            return Integer.toString(2010 + random.nextInt(15));
        }
        if (digits > 9) {
            return original;
        }
        int low = digits == 1 ? 1 : (int) Math.pow(10, digits - 1);
        int high = (int) Math.pow(10, digits);
        return Integer.toString(low + random.nextInt(high - low));
    }

    private String draw(Random random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return vocabulary[i >= 0 ? i : Math.min(-i - 1, vocabulary.length - 1)];
    }

    /** An index below {@code n}, Zipf-distributed (a few places named often, most rarely). */
    private static int zipfIndex(Random random, int n) {
        // inverse of the continuous 1/x law over [1, n+1): exp(u·ln(n+1))
        return Math.min(n - 1, (int) Math.exp(random.nextDouble() * Math.log(n + 1.0)) - 1);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Cuts a sentence into literal text, words, numbers and place names, and counts its words and characters. */
    private Template template(String s, Map<String, Integer> wordCounts, Map<Character, Integer> charCounts) {
        // place names first (longest at each position), then numbers; words fill the rest
        String[] kindAt = new String[s.length()];
        List<int[]> marked = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            for (int len = Math.min(10, s.length() - i); len >= 3; len--) {
                String level = levelOfPlace.get(s.substring(i, i + len));
                if (level != null) {
                    marked.add(new int[] { i, i + len, 'p' });
                    kindAt[i] = level;
                    i += len - 1;
                    break;
                }
            }
        }
        Matcher n = NUMBER.matcher(s);
        while (n.find()) {
            if (marked.stream().noneMatch(m -> m[0] < n.end() && n.start() < m[1])) {
                marked.add(new int[] { n.start(), n.end(), 'n' });
            }
        }
        for (Segments.Span w : Segments.of(s)) {
            if (marked.stream().noneMatch(m -> m[0] < w.end() && w.start() < m[1])) {
                boolean han = HAN_WORD.matcher(w.term()).matches();
                marked.add(new int[] { w.start(), w.end(), han ? 'w' : 'f' });
                if (han) {
                    wordCounts.merge(w.term(), 1, Integer::sum);
                }
            }
        }
        marked.sort(Comparator.comparingInt(m -> m[0]));
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (int[] m : marked) {
            if (m[0] > at) {
                pieces.add(new Piece(s.substring(at, m[0]), Piece.LITERAL, null));
            }
            String text = s.substring(m[0], m[1]);
            pieces.add(switch ((char) m[2]) {
                case 'p' -> new Piece(text, Piece.PLACE, kindAt[m[0]]);
                case 'n' -> new Piece(text, Piece.NUMBER, null);
                case 'w' -> new Piece(text, Piece.WORD, null);
                default -> new Piece(text, Piece.FIXED_WORD, null);
            });
            at = m[1];
        }
        if (at < s.length()) {
            pieces.add(new Piece(s.substring(at), Piece.LITERAL, null));
        }
        s.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .forEach(c -> charCounts.merge((char) c, 1, Integer::sum));
        return new Template(pieces);
    }

    /**
     * Rank order of the Zipf vocabulary: the sources' words by frequency, then made-up words of 2-3 characters
     * (characters drawn by their frequency in the sources) with a place name every so often.
     */
    private String[] vocabulary(Map<String, Integer> wordCounts, Map<Character, Integer> charCounts, Random random) {
        List<String> ranked = new ArrayList<>(wordCounts.keySet());
        ranked.sort(Comparator.comparing((String w) -> -wordCounts.get(w)).thenComparing(w -> w));
        Set<String> taken = new HashSet<>(ranked);
        List<Character> chars = new ArrayList<>(charCounts.keySet());
        chars.sort(Comparator.naturalOrder());
        double[] charCumulative = new double[chars.size()];
        double sum = 0;
        for (int i = 0; i < chars.size(); i++) {
            sum += charCounts.get(chars.get(i));
            charCumulative[i] = sum;
        }
        List<String> places = new ArrayList<>(levelOfPlace.keySet());
        int placeEvery = Math.max(1, SYNTHETIC_WORDS / Math.max(1, places.size()));
        int placeAt = 0;
        for (int made = 0; made < SYNTHETIC_WORDS; ) {
            if (made % placeEvery == 0 && placeAt < places.size() && taken.add(places.get(placeAt++))) {
                ranked.add(places.get(placeAt - 1));
            }
            int length = random.nextInt(10) < 7 ? 2 : 3;
            StringBuilder w = new StringBuilder();
            for (int c = 0; c < length; c++) {
                int i = java.util.Arrays.binarySearch(charCumulative, random.nextDouble() * sum);
                w.append(chars.get(i >= 0 ? i : Math.min(-i - 1, chars.size() - 1)));
            }
            if (taken.add(w.toString())) {
                ranked.add(w.toString());
                made++;
            }
        }
        return ranked.toArray(String[]::new);
    }

    private static double[] zipf(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int r = 1; r <= n; r++) {
            sum += 1 / Math.pow(r, ZIPF_EXPONENT);
            c[r - 1] = sum;
        }
        return c;
    }

    /**
     * Place names by level (every division of the country), and the committees of each province's county-level
     * divisions, named as the seed names them: 政协武胜县委员会, 政协自贡市自流井区委员会.
     */
    private void readGazetteer(String tsv) {
        Map<String, Division> byCode = new LinkedHashMap<>();
        for (String line : tsv.split("\r?\n")) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || f.length != 4 || !f[0].matches("\\d{6}")) {
                continue;
            }
            byCode.put(f[0], new Division(f[0], f[1], f[2], f[3]));
        }
        for (Division d : byCode.values()) {
            if (d.name().length() >= 3) {
                placesByLevel.computeIfAbsent(d.level(), l -> new ArrayList<>()).add(d.name());
                levelOfPlace.putIfAbsent(d.name(), d.level());
            }
            String province = d.code().substring(0, 2) + "0000";
            String committee = switch (d.level()) {
                case "county", "county-level-city", "banner" -> "政协" + d.name() + "委员会";
                case "district" -> {
                    Division parent = byCode.get(d.parent());
                    yield "政协" + (parent == null ? "" : parent.name()) + d.name() + "委员会";
                }
                default -> null;
            };
            if (committee != null && byCode.containsKey(province)) {
                committeesByProvince.computeIfAbsent(province, p -> new ArrayList<>()).add(committee);
            }
        }
        committeesByProvince.values().removeIf(l -> l.size() < 5);
        provinces.addAll(committeesByProvince.keySet());
    }

    /**
     * Adds the paragraphs, headings and titles of document-service's fixture compilations: from each fixture's
     * {@code *.expected.json} (its structure, written by hand), else from its text (lines rejoined). Returns how
     * many compilations were read.
     */
    private static int readFixtures(List<String> paragraphs, List<String> headings, List<String> titles) {
        Path dir = fixtureDirectory();
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> withStructure = new HashSet<>();
        int read = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".expected.json")) {
                continue;
            }
            withStructure.add(name.substring(0, name.length() - ".expected.json".length()));
            try {
                JsonNode c = Api.JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
                for (JsonNode s : c.path("speeches")) {
                    titles.add(s.path("title").asText(""));
                    s.path("outline").forEach(o -> headings.add(o.asText()));
                    s.path("lead").forEach(l -> paragraphs.add(l.asText()));
                    for (JsonNode section : s.path("sections")) {
                        if (!section.path("heading").isNull()) {
                            headings.add(section.path("heading").asText());
                        }
                        section.path("paragraphs").forEach(p -> paragraphs.add(p.isTextual() ? p.asText()
                                : p.path("text").asText()));
                    }
                }
                read++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String base = name.replaceAll("(\\.docx|\\.pdf)?\\.txt$", "");
            if (!name.endsWith(".txt") || withStructure.contains(base)) {
                continue;
            }
            try {
                rejoin(Files.readString(f, StandardCharsets.UTF_8), paragraphs);
                read++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    /** Paragraphs of a raw compilation: lines rejoined up to a sentence end, structure and furniture left out. */
    private static void rejoin(String text, List<String> paragraphs) {
        StringBuilder open = new StringBuilder();
        for (String raw : text.split("\r?\n")) {
            String line = raw.replace("\uFEFF", "").strip();
            boolean structure = line.length() < 12 && !line.contains("。") || line.contains("……")
                    || line.contains("···") || line.contains("...") || STRUCTURAL_START.matcher(line).matches();
            if (structure) {
                if (open.length() >= 20) {
                    paragraphs.add(open.toString());
                }
                open.setLength(0);
                continue;
            }
            open.append(line);
            if (line.matches(".*[。！？；][”’）)]*$")) {
                if (open.length() >= 20) {
                    paragraphs.add(open.toString());
                }
                open.setLength(0);
            }
        }
    }

    private static Path fixtureDirectory() {
        URL url = RealisticCorpus.class.getResource("/compilations");
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("the fixture compilations are not on the classpath as a directory: "
                    + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RealisticCorpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints a corpus's make-up and its term statistics at a size, without a stack: {@code --corpus realistic|recombined
     * --speeches N --seed S}.
     */
    public static void main(String[] args) {
        Options o = new Options(args, Map.of("speeches", "20000", "per-compilation", "500"));
        CorpusSource corpus = CorpusSource.of(o);
        System.out.println(corpus.describe());
        int total = o.integer("speeches");
        int per = o.integer("per-compilation");
        long chars = 0;
        long t0 = System.nanoTime();
        for (int k = 0, done = 0; done < total; k++) {
            Corpus.Generated g = corpus.compilation(k, Math.min(per, total - done));
            chars += g.text().length();
            done += g.speeches();
        }
        System.out.printf(Locale.ROOT, "%d speeches, %.1f M characters, generated in %.1f s%n", total, chars / 1e6,
                (System.nanoTime() - t0) / 1e9);
        System.out.println("terms: " + corpus.statistics().summary());
    }
}
