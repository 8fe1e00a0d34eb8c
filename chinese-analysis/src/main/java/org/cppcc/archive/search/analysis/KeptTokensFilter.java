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
 * A query-side filter that keeps some of a stream's tokens, chosen with the whole stream in view, and emits them at
 * the positions they had, each spanning one position. Reads the whole stream first: queries are short.
 */
abstract class KeptTokensFilter extends TokenFilter {

    /** A token of the input: its attributes, character offsets and position. */
    record Token(State state, int start, int end, int position) {
    }

    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
    private List<Token> kept;
    private int next;

    KeptTokensFilter(TokenStream input) {
        super(input);
    }

    /** The tokens to emit, in stream order, out of all of them. */
    abstract List<Token> keep(List<Token> all);

    @Override
    public final boolean incrementToken() throws IOException {
        if (kept == null) {
            kept = keep(readAll());
            next = 0;
        }
        if (next >= kept.size()) {
            return false;
        }
        Token token = kept.get(next);
        restoreState(token.state());
        int previous = next == 0 ? -1 : kept.get(next - 1).position();
        increment.setPositionIncrement(token.position() - previous);
        length.setPositionLength(1);
        next++;
        return true;
    }

    private List<Token> readAll() throws IOException {
        List<Token> all = new ArrayList<>();
        int position = -1;
        while (input.incrementToken()) {
            position += increment.getPositionIncrement();
            all.add(new Token(captureState(), offset.startOffset(), offset.endOffset(), position));
        }
        return all;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        kept = null;
    }
}
