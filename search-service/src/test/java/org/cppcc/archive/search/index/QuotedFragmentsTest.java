package org.cppcc.archive.search.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.analysis.TextNormalizer;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Highlight;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.query.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A phrase pasted from a speech, in quotes, finds that speech and is highlighted exactly; a phrase that occurs
 * nowhere finds nothing. Fragments of 2-20 characters are cut from every text of the seed's speeches and of the
 * import issue's unseen compilations (see {@link SeedSpeeches}) at offsets
 * chosen to start and end inside words, at punctuation and where Han characters meet digits or Latin letters. On each
 * backend: every fragment on the embedded Lucene index, every {@value #OPENSEARCH_SAMPLE}th on OpenSearch (each
 * search there is an HTTP request; the sample still spans every text, length and boundary kind).
 */
@ParameterizedClass
@EnumSource(Backend.class)
class QuotedFragmentsTest {

    private static final int SHORTEST = 2;
    private static final int LONGEST = 20;
    /** Besides every boundary, a fragment starts at every STRIDE-th offset. */
    private static final int STRIDE = 11;
    private static final Pattern MARKED = Pattern.compile("<em>(.*?)</em>");
    static final int OPENSEARCH_SAMPLE = 17;

    private static SpeechIndex index;
    private static List<Speech> speeches;

    @Parameter
    Backend backend;

    @BeforeParameterizedClassInvocation
    static void seed(Backend backend) throws IOException {
        speeches = new ArrayList<>(SeedSpeeches.all());
        speeches.addAll(SeedSpeeches.unseen());
        index = SeedSpeeches.index(backend, "fragments", speeches);
    }

    @AfterParameterizedClassInvocation
    static void close() {
        index.close();
    }

    @Test
    void everyFragmentFindsItsSpeechAndIsHighlighted() throws IOException {
        int tried = 0;
        int seen = 0;
        int sample = backend == Backend.OPENSEARCH ? OPENSEARCH_SAMPLE : 1;
        List<String> failures = new ArrayList<>();
        for (Speech speech : speeches) {
            for (String text : SeedSpeeches.texts(speech)) {
                for (int length = SHORTEST; length <= LONGEST; length++) {
                    for (int start : offsets(text, length)) {
                        String fragment = text.substring(start, start + length);
                        if (!quotable(fragment) || seen++ % sample != 0) {
                            continue;
                        }
                        tried++;
                        String problem = check(speech, fragment);
                        if (problem != null) {
                            failures.add("\"" + fragment + "\" (speech " + speech.order() + "): " + problem);
                        }
                    }
                }
            }
        }
        System.out.printf("quoted fragments of the seed and the unseen compilations, %s: %d found / %d tried%n",
                backend, tried - failures.size(), tried);
        assertTrue(failures.isEmpty(), failures.size() + " of " + tried + " fragments failed, e.g.\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    @Test
    void fragmentsThatOccurNowhereFindNothing() throws IOException {
        List<String> haystack = new ArrayList<>();
        for (Speech speech : speeches) {
            SeedSpeeches.texts(speech).forEach(t -> haystack.add(TextNormalizer.normalize(t)));
            haystack.add(TextNormalizer.normalize(speech.committee()));
            haystack.add(TextNormalizer.normalize(speech.region()));
        }
        TestSpeeches.COMPILATIONS.find(1).ifPresent(c -> haystack.add(TextNormalizer.normalize(c.title() + " "
                + c.subtitle())));
        Random random = new Random(11);
        List<String> texts = speeches.stream().flatMap(s -> SeedSpeeches.texts(s).stream())
                .filter(t -> t.length() > 4).toList();
        int tried = 0;
        List<String> failures = new ArrayList<>();
        while (tried < 2000) {
            // two real pieces spliced together: every character occurs, the sequence does not
            String a = piece(texts.get(random.nextInt(texts.size())), random);
            String b = piece(texts.get(random.nextInt(texts.size())), random);
            String fragment = a + b;
            String folded = TextNormalizer.normalize(fragment).strip();
            if (!quotable(fragment) || folded.isEmpty() || haystack.stream().anyMatch(t -> t.contains(folded))) {
                continue;
            }
            tried++;
            long total = search("\"" + fragment + "\"", 1).total();
            if (total != 0) {
                failures.add("\"" + fragment + "\": " + total + " hits");
            }
        }
        System.out.printf("quoted fragments that occur nowhere, %s: %d found nothing / %d tried%n", backend,
                tried - failures.size(), tried);
        assertTrue(failures.isEmpty(), failures.size() + " of " + tried + " made-up fragments were found, e.g.\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** Null when the fragment finds its speech with the fragment highlighted, else what went wrong. */
    private String check(Speech speech, String fragment) throws IOException {
        // a first page of 10 is enough for most fragments; loading and highlighting 100 hits is most of the time
        SearchResult result = search("\"" + fragment + "\"", 10);
        if (result.total() > 10 && result.hits().stream().noneMatch(h -> h.speechId() == speech.id())) {
            result = search("\"" + fragment + "\"", 100);
        }
        Hit hit = result.hits().stream().filter(h -> h.speechId() == speech.id()).findFirst().orElse(null);
        if (hit == null) {
            return "not among the " + result.total() + " hits";
        }
        String wanted = TextNormalizer.normalize(fragment).strip();
        for (Highlight highlight : hit.highlights()) {
            Matcher marked = MARKED.matcher(highlight.fragment());
            while (marked.find()) {
                if (TextNormalizer.normalize(unescape(marked.group(1))).equals(wanted)) {
                    return null;
                }
            }
        }
        return "found, but no highlight marks it: " + hit.highlights();
    }

    private SearchResult search(String q, int size) throws IOException {
        return index.search(QueryParser.parse(q), Filters.none(), 0, size);
    }

    /**
     * Start offsets for fragments of {@code length}: every STRIDE-th (most start and end inside words), and, at
     * every other boundary between Han, digits, Latin letters and punctuation, the one that starts there and the one
     * that ends just after it (so it spans the boundary).
     */
    static TreeSet<Integer> offsets(String text, int length) {
        TreeSet<Integer> starts = new TreeSet<>();
        int last = text.length() - length;
        for (int i = 0; i <= last; i += STRIDE) {
            starts.add(i);
        }
        int boundary = 0;
        for (int i = 1; i < text.length(); i++) {
            // every other length at each boundary: each boundary is still crossed by fragments of many lengths
            if (kind(text.charAt(i - 1)) != kind(text.charAt(i)) && (boundary++ + length) % 2 == 0) {
                starts.add(i);
                starts.add(i + 1 - length);
            }
        }
        starts.removeIf(s -> s < 0 || s > last || Character.isLowSurrogate(text.charAt(s))
                || Character.isHighSurrogate(text.charAt(s + length - 1)));
        return starts;
    }

    private static int kind(char c) {
        if (Character.isDigit(c)) {
            return 0;
        }
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return 1;
        }
        return Character.isLetter(c) ? 2 : 3;
    }

    /** The query language cannot quote a quote; a fragment of blanks is no phrase. */
    private static boolean quotable(String fragment) {
        return fragment.indexOf('"') < 0 && fragment.indexOf('＂') < 0 && !fragment.isBlank();
    }

    private static String piece(String text, Random random) {
        int length = 1 + random.nextInt(Math.min(8, text.length() - 1));
        int start = random.nextInt(text.length() - length + 1);
        return text.substring(start, start + length);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
