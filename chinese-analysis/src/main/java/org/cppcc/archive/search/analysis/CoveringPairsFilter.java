package org.cppcc.archive.search.analysis;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;

/**
 * Of a phrase's character pairs (one per position), keeps every other one and the last, at their positions: they
 * cover every character, so the phrase they make is as exact as all the pairs, with half the postings to read.
 */
final class CoveringPairsFilter extends KeptTokensFilter {

    CoveringPairsFilter(TokenStream input) {
        super(input);
    }

    @Override
    List<Token> keep(List<Token> all) {
        List<Token> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 2 == 0 || i == all.size() - 1) {
                kept.add(all.get(i));
            }
        }
        return kept;
    }
}
