package org.cppcc.archive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.cppcc.archive.search.analysis.ChineseAnalyzers;

/**
 * Text cut into words by the search service's own word analysis (jieba with its domain lexicon, normalized, stop
 * words left out): what the corpus statistics count and what the realistic corpus replaces.
 */
final class Segments {

    /** A word at [start, end) of the text, and the term the index makes of it. */
    record Span(int start, int end, String term) {
    }

    private static final Analyzer WORDS = ChineseAnalyzers.words();

    private Segments() {
    }

    /** The words of {@code text} in order, none overlapping the one before. */
    static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        try (TokenStream stream = WORDS.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int end = 0;
            while (stream.incrementToken()) {
                if (offset.startOffset() >= end && offset.endOffset() <= text.length()) {
                    spans.add(new Span(offset.startOffset(), offset.endOffset(), term.toString()));
                    end = offset.endOffset();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }
}
