package org.cppcc.archive.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deterministic synthetic corpus made from the seed compilation: its body paragraphs (hard-wrapped lines
 * rejoined), its section headings (from the bookmarks) and its speech titles, recombined into compilations in
 * the seed's own text format, with committees drawn from Sichuan's real county-level divisions (the gazetteer
 * the document service resolves them with). Compilation {@code k} depends only on (seed, k, speeches). Every word
 * of it is one of the seed's: some 1,400 distinct terms, whatever the size ({@code --corpus recombined}).
 */
final class Corpus implements CorpusSource {

    /** Largest compilation generated; a bigger corpus is split into several compilations. */
    static final int MAX_SPEECHES_PER_COMPILATION = 1000;

    private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、.*");
    private static final Pattern COMMITTEE = Pattern.compile("^\\d*[.、]?政协.*委员会[:：]?$");
    private static final String NUMERALS = "一二三四五六七八九十";

    /** One generated compilation: its text and what it holds. */
    record Generated(String text, int speeches, int paragraphs, List<String> committees) {
    }

    private final long seed;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<String> headings = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final List<String> committees = new ArrayList<>();
    private final TermStatistics statistics = new TermStatistics();
    /** Text → its terms: a committee, title or paragraph recurs thousands of times. */
    private final Map<String, List<String>> analysed = new HashMap<>();

    Corpus(long seed) {
        this.seed = seed;
        readSeed(resource("/seed/sichuan-cppcc-exchange-2021-09-28.txt"));
        readGazetteer(resource("/gazetteer/divisions.tsv"));
    }

    List<String> committees() {
        return committees;
    }

    /** The seed's body paragraphs, lines rejoined: what the generated speeches are made of. */
    @Override
    public List<String> paragraphs() {
        return paragraphs;
    }

    /** Compilation number {@code index} (0-based) with {@code speeches} speeches. */
    @Override
    public Generated compilation(int index, int speeches) {
        if (speeches < 1 || speeches > MAX_SPEECHES_PER_COMPILATION) {
            throw new IllegalArgumentException("1 to " + MAX_SPEECHES_PER_COMPILATION + " speeches per compilation");
        }
        Random random = new Random(seed * 1_000_003L + index);
        List<String> committeeOf = new ArrayList<>();
        List<String> titleOf = new ArrayList<>();
        Set<String> usedTitles = new HashSet<>();
        for (int i = 0; i < speeches; i++) {
            committeeOf.add(pick(random, committees));
            String title = pick(random, headings) + pick(random, titles);
            if (usedTitles.contains(title)) {
                title = pick(random, headings) + pick(random, headings) + pick(random, titles);
            }
            titleOf.add(unique(title, usedTitles));
        }
        List<Body> bodies = new ArrayList<>();
        for (int i = 0; i < speeches; i++) {
            List<String> lead = new ArrayList<>();
            int leadCount = 1 + random.nextInt(2);
            for (int p = 0; p < leadCount; p++) {
                lead.add(pick(random, paragraphs));
            }
            List<Section> sections = new ArrayList<>();
            int sectionCount = 2 + random.nextInt(3);
            for (int s = 0; s < sectionCount; s++) {
                String heading = pick(random, headings);
                List<String> texts = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int p = 0; p < count; p++) {
                    texts.add(pick(random, paragraphs));
                }
                sections.add(new Section(heading, texts));
            }
            bodies.add(new Body(lead, sections));
        }
        Generated g = layout(index, committeeOf, titleOf, bodies);
        count(g, titleOf, bodies);
        return g;
    }

    /** A speech's text: lead paragraphs, then sections of a heading and paragraphs. */
    record Body(List<String> lead, List<Section> sections) {
    }

    record Section(String heading, List<String> paragraphs) {
    }

    /** {@code title}, or with （2）, （3）… appended until it is not among {@code used}; added to them. */
    static String unique(String title, Set<String> used) {
        String unique = title;
        for (int n = 2; !used.add(unique); n++) {
            unique = title + "（" + n + "）";
        }
        return unique;
    }

    /**
     * A compilation in the seed's layout: a table of contents (committee, then title with dotted leader and page),
     * the cover's title and date (compilation {@code index} is dated {@code index} weeks before the seed), then
     * each speech's title, committee, lead paragraphs and numbered sections.
     */
    static Generated layout(int index, List<String> committeeOf, List<String> titleOf, List<Body> bodies) {
        int speeches = committeeOf.size();
        StringBuilder text = new StringBuilder("目录\n");
        for (int i = 0; i < speeches; i++) {
            text.append(i + 1).append('.').append(committeeOf.get(i)).append(":\n")
                    .append(titleOf.get(i)).append("……………………").append(1 + 2 * i).append('\n');
        }
        LocalDate date = LocalDate.of(2021, 9, 28).minusDays(7L * index);
        text.append("推动新时代人民政协工作不断走深走实\n全省政协工作经验交流会发言材料汇编\n(")
                .append(date.getYear()).append('年').append(date.getMonthValue()).append('月')
                .append(date.getDayOfMonth()).append("日)\n");
        int paragraphCount = 0;
        for (int i = 0; i < speeches; i++) {
            text.append(titleOf.get(i)).append('\n').append(committeeOf.get(i)).append('\n');
            Body body = bodies.get(i);
            for (String p : body.lead()) {
                text.append(p).append('\n');
            }
            paragraphCount += body.lead().size();
            for (int s = 0; s < body.sections().size(); s++) {
                Section section = body.sections().get(s);
                text.append(NUMERALS.charAt(s)).append('、').append(section.heading()).append('\n');
                for (String p : section.paragraphs()) {
                    text.append(p).append('\n');
                }
                paragraphCount += section.paragraphs().size();
            }
        }
        return new Generated(text.toString(), speeches, paragraphCount, committeeOf);
    }

    /** Counts the terms of a generated compilation; the seed's few texts are analysed once each. */
    private void count(Generated g, List<String> titleOf, List<Body> bodies) {
        for (String committee : g.committees()) {
            terms(committee).forEach(statistics::add);
        }
        for (String title : titleOf) {
            terms(title).forEach(statistics::add);
        }
        for (Body body : bodies) {
            body.lead().forEach(p -> terms(p).forEach(statistics::add));
            for (Section section : body.sections()) {
                terms(section.heading()).forEach(statistics::add);
                section.paragraphs().forEach(p -> terms(p).forEach(statistics::add));
            }
        }
    }

    private List<String> terms(String text) {
        return analysed.computeIfAbsent(text, t -> Segments.of(t).stream().map(Segments.Span::term).toList());
    }

    @Override
    public TermStatistics statistics() {
        return statistics;
    }

    private static String pick(Random random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Bookmark headings (before 目录), TOC titles, and body paragraphs (after the cover's date line). */
    private void readSeed(String text) {
        String[] lines = text.split("\r?\n");
        Set<String> heads = new LinkedHashSet<>();
        int i = 0;
        for (; !lines[i].strip().equals("目录"); i++) {
            if (HEADING.matcher(lines[i].strip()).matches()) {
                heads.add(lines[i].strip().substring(lines[i].strip().indexOf('、') + 1));
            }
        }
        headings.addAll(heads);
        for (i++; COMMITTEE.matcher(lines[i].strip()).matches(); i += 2) {
            titles.add(lines[i + 1].strip().replaceAll("[…\\.·]+\\s*\\d+$", ""));
        }
        while (!lines[i].strip().matches("\\(?\\d{4}年\\d{1,2}月\\d{1,2}日\\)?")) {
            i++;
        }
        StringBuilder open = new StringBuilder();
        boolean afterHeading = false;
        for (i++; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean structural = line.isEmpty() || titles.contains(line) || COMMITTEE.matcher(line).matches()
                    || HEADING.matcher(line).matches()
                    || afterHeading && line.length() < 12 && !line.contains("。"); // a wrapped heading's tail
            afterHeading = HEADING.matcher(line).matches();
            if (structural) {
                flush(open);
                continue;
            }
            open.append(line);
            if (line.matches(".*[。！？；：:;!?][”’）)]*$")) {
                flush(open);
            }
        }
        flush(open);
    }

    private void flush(StringBuilder open) {
        String p = open.toString();
        open.setLength(0);
        if (p.length() >= 20) {
            paragraphs.add(p.matches(".*[。！？；：:;!?][”’）)]*$") ? p : p + "。");
        }
    }

    /**
     * Committees of Sichuan's county-level divisions, the seed's province: 政协武胜县委员会, 政协自贡市自流井区委员会
     * (districts with their city).
     */
    private void readGazetteer(String tsv) {
        Map<String, String> names = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (String line : tsv.split("\r?\n")) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || f.length != 4 || !f[0].matches("51\\d{4}")) {
                continue;
            }
            names.put(f[0], f[1]);
            rows.add(f);
        }
        for (String[] f : rows) {
            switch (f[2]) {
                case "county", "county-level-city" -> committees.add("政协" + f[1] + "委员会");
                case "district" -> committees.add("政协" + names.getOrDefault(f[3], "") + f[1] + "委员会");
                default -> { }
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> headings() {
        return headings;
    }

    List<String> titles() {
        return titles;
    }

    @Override
    public String describe() {
        return paragraphs.size() + " seed paragraphs, " + headings.size() + " headings, " + titles.size()
                + " titles, " + committees.size() + " county-level committees";
    }
}
