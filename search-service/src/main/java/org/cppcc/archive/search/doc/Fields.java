package org.cppcc.archive.search.doc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.cppcc.archive.search.analysis.ChineseAnalyzers;

/** The index schema: field names and the analyzer for each. */
public final class Fields {

    public static final String ID = "id";
    public static final String ID_DV = "id_dv";
    public static final String KIND = "kind";
    public static final String KIND_SPEECH = "speech";
    public static final String KIND_TOMBSTONE = "tombstone";
    public static final String VERSION = "version";
    public static final String ORDER = "order";
    /** Schema 1: the whole speech as JSON (read when an old index answers while it is rebuilt). */
    public static final String SOURCE = "source";
    /** Stored for a hit (schema 2): id, order, title, committee, region and the texts highlighting reads. */
    public static final String S_ID = "s_id";
    public static final String S_ORDER = "s_order";
    public static final String S_TITLE = "s_title";
    public static final String S_COMMITTEE = "s_committee";
    public static final String S_REGION = "s_region";
    public static final String S_OUTLINE = "s_outline";
    public static final String S_LEAD = "s_lead";
    public static final String S_HEADING = "s_heading";
    public static final String S_PARAGRAPH = "s_paragraph";
    /** Per section: ordinal, whether it has a heading, its number of paragraphs (variable-length ints). */
    public static final String S_SECTIONS = "s_sections";
    public static final String COMPILATION_ID = "compilationId";
    public static final String DATE = "date";

    /**
     * Text fields: each is indexed three times, as words ({@code name}), as Han bigrams ({@code name_bi}) and as
     * characters ({@code name_ch}, for exact phrases).
     */
    public static final String TITLE = "title";
    public static final String HEADINGS = "headings";
    public static final String OUTLINE = "outline";
    public static final String BODY = "body";
    public static final String COMMITTEE = "committee";
    public static final String REGION = "region";
    public static final String COMPILATION = "compilation";
    public static final List<String> TEXT = List.of(TITLE, HEADINGS, OUTLINE, BODY, COMMITTEE, REGION, COMPILATION);
    public static final String BIGRAM_SUFFIX = "_bi";
    public static final String CHARACTER_SUFFIX = "_ch";

    /** Exact-value fields for filters and facets: {@code f_name} (term) with sorted doc values. */
    public static final String F_REGION = "f_region";
    public static final String F_REGION_CODE = "f_regionCode";
    public static final String F_LEVEL = "f_level";
    public static final String F_COMMITTEE = "f_committee";
    public static final String F_SPEAKER_KIND = "f_speakerKind";
    public static final String F_COMPILATION = "f_compilation";

    /** Facet name in a search answer → the exact-value field it counts, in the answer's order (both backends). */
    public static final Map<String, String> FACETS;
    static {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("region", F_REGION);
        facets.put("level", F_LEVEL);
        facets.put("committee", F_COMMITTEE);
        facets.put("speakerKind", F_SPEAKER_KIND);
        facets.put("compilation", F_COMPILATION);
        FACETS = Collections.unmodifiableMap(facets);
    }

    private Fields() {
    }

    public static String bigrams(String field) {
        return field + BIGRAM_SUFFIX;
    }

    public static String characters(String field) {
        return field + CHARACTER_SUFFIX;
    }

    /**
     * Words analysis for the text fields, bigrams and characters for their twins; gaps between values, so that no
     * phrase runs from one heading or paragraph into the next.
     */
    public static Analyzer indexAnalyzer() {
        Analyzer words = ChineseAnalyzers.words();
        Analyzer bigrams = ChineseAnalyzers.bigramsForIndex();
        Analyzer characters = ChineseAnalyzers.charactersForIndex();
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                if (fieldName.endsWith(BIGRAM_SUFFIX)) {
                    return bigrams;
                }
                return fieldName.endsWith(CHARACTER_SUFFIX) ? characters : words;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }
}
