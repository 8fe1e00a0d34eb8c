package org.cppcc.archive.search.similar;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.cppcc.archive.search.analysis.ChineseAnalyzers;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.doc.SpeechDocuments;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.query.SpeechFilters;

/**
 * More like this: the speech's title, headings and outline (boosted twice) and its body turned into a query of
 * their most telling words, the speech itself excluded.
 */
public final class SimilarSpeeches {

    /** What makes a word telling enough to ask for (every backend's more-like-this uses these). */
    public static final int MIN_TERM_FREQ = 1;
    public static final int MIN_DOC_FREQ = 1;
    public static final int MIN_WORD_LENGTH = 2;
    public static final int MAX_QUERY_TERMS = 30;
    /** The title's and headings' words count twice the body's. */
    public static final float HEADINGS_BOOST = 2f;

    /** Made once: an analyzer reuses its token streams per thread, a new one per request would not. */
    private final Analyzer words = ChineseAnalyzers.words();

    /** Speeches like the given one, best first; empty when the speech is not indexed. */
    public Optional<List<Hit>> similar(IndexSearcher searcher, long speechId, int limit) throws IOException {
        Query self = new TermQuery(new Term(Fields.ID, Long.toString(speechId)));
        BooleanQuery live = new BooleanQuery.Builder().add(self, Occur.MUST)
                .add(SpeechFilters.speeches(), Occur.FILTER).build();
        TopDocs own = searcher.search(live, 1);
        if (own.scoreDocs.length == 0) {
            return Optional.empty();
        }
        Speech speech = SpeechDocuments.stored(searcher.storedFields(), own.scoreDocs[0].doc);
        String headings = headingsText(speech);
        String body = bodyText(speech);

        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(words);
        mlt.setMinTermFreq(MIN_TERM_FREQ);
        mlt.setMinDocFreq(MIN_DOC_FREQ);
        mlt.setMinWordLen(MIN_WORD_LENGTH);
        mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
        mlt.setBoost(true);
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        mlt.setFieldNames(new String[] { Fields.HEADINGS });
        like.add(new BoostQuery(mlt.like(Fields.HEADINGS, new StringReader(headings)), HEADINGS_BOOST),
                Occur.SHOULD);
        mlt.setFieldNames(new String[] { Fields.TITLE });
        like.add(new BoostQuery(mlt.like(Fields.TITLE, new StringReader(headings)), HEADINGS_BOOST), Occur.SHOULD);
        if (!body.isEmpty()) {
            mlt.setFieldNames(new String[] { Fields.BODY });
            like.add(mlt.like(Fields.BODY, new StringReader(body)), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder().add(like.build(), Occur.MUST).add(self, Occur.MUST_NOT)
                .add(SpeechFilters.speeches(), Occur.FILTER).build();
        TopDocs docs = searcher.search(query, limit);
        List<Hit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : docs.scoreDocs) {
            Speech other = SpeechDocuments.stored(stored, sd.doc);
            hits.add(Hit.of(other, sd.score, List.of()));
        }
        return Optional.of(hits);
    }

    /** The title, headings and outline, one per line: the text whose words are looked for in titles and headings. */
    public static String headingsText(Speech speech) {
        StringBuilder headings = new StringBuilder(speech.title() == null ? "" : speech.title());
        speech.sections().forEach(s -> headings.append('\n').append(s.heading()));
        speech.outline().forEach(o -> headings.append('\n').append(o));
        return headings.toString();
    }

    /** The lead and the paragraphs, one per line. */
    public static String bodyText(Speech speech) {
        StringBuilder body = new StringBuilder();
        speech.lead().forEach(l -> body.append(l).append('\n'));
        speech.sections().forEach(s -> s.paragraphs().forEach(p -> body.append(p.text()).append('\n')));
        return body.toString();
    }
}
