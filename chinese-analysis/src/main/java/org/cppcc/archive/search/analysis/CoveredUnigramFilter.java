package org.cppcc.archive.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Drops every token whose characters another token of the stream spans (the unigrams under CJK bigrams) and keeps
 * the positions of the others as they were: the query side of the stacked unigram + bigram index. Positions matter
 * where Han text meets digits or Latin letters: in the index, {@code 平台46个} is 平/平台 at 0, 台 at 1, 46 at 2, 个
 * at 3, so the query must ask for 平台 at 0 and 46 at 2, not at 1 as a stream of bigrams alone would. Every token
 * kept spans one position (a bigram says it spans two): the stream is a plain sequence, which a query builder such
 * as OpenSearch's {@code match_phrase} turns into the same phrase query, not into a graph of spans. Reads the
 * whole stream first: queries are short.
 */
final class CoveredUnigramFilter extends TokenFilter {

    private record Buffered(State state, int start, int end, int position) {
    }

    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
    private final List<Buffered> kept = new ArrayList<>();
    private int next = -1;

    CoveredUnigramFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < 0) {
            readAll();
            next = 0;
        }
        if (next >= kept.size()) {
            return false;
        }
        Buffered token = kept.get(next);
        restoreState(token.state());
        increment.setPositionIncrement(next == 0 ? token.position() + 1 : token.position()
                - kept.get(next - 1).position());
        length.setPositionLength(1);
        next++;
        return true;
    }

    private void readAll() throws IOException {
        List<Buffered> all = new ArrayList<>();
        int position = -1;
        while (input.incrementToken()) {
            position += increment.getPositionIncrement();
            all.add(new Buffered(captureState(), offset.startOffset(), offset.endOffset(), position));
        }
        for (Buffered token : all) {
            boolean covered = all.stream().anyMatch(other -> other != token && other.start() <= token.start()
                    && other.end() >= token.end() && other.end() - other.start() > token.end() - token.start());
            if (!covered) {
                kept.add(token);
            }
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        kept.clear();
        next = -1;
    }
}
