package org.cppcc.archive.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Of a phrase's character pairs (one per position), keeps every other one and the last, at their positions: they
 * cover every character, so the phrase they make is as exact as all the pairs, with half the postings to read.
 * Reads the whole stream first: queries are short.
 */
final class CoveringPairsFilter extends TokenFilter {

    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final List<State> kept = new ArrayList<>();
    private final List<Integer> gaps = new ArrayList<>();
    private int next = -1;

    CoveringPairsFilter(TokenStream input) {
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
        restoreState(kept.get(next));
        increment.setPositionIncrement(gaps.get(next));
        next++;
        return true;
    }

    private void readAll() throws IOException {
        List<State> all = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int position = -1;
        while (input.incrementToken()) {
            position += increment.getPositionIncrement();
            all.add(captureState());
            positions.add(position);
        }
        int previous = -1;
        for (int i = 0; i < all.size(); i++) {
            if (i % 2 == 0 || i == all.size() - 1) {
                kept.add(all.get(i));
                gaps.add(positions.get(i) - previous);
                previous = positions.get(i);
            }
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        kept.clear();
        gaps.clear();
        next = -1;
    }
}
