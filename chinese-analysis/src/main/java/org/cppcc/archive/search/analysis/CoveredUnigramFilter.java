package org.cppcc.archive.search.analysis;

import java.util.List;

import org.apache.lucene.analysis.TokenStream;

/**
 * Drops every token whose characters another token of the stream spans (the unigrams under CJK bigrams) and keeps
 * the positions of the others as they were: the query side of the stacked unigram + bigram index. Positions matter
 * where Han text meets digits or Latin letters: in the index, {@code 平台46个} is 平/平台 at 0, 台 at 1, 46 at 2, 个
 * at 3, so the query must ask for 平台 at 0 and 46 at 2, not at 1 as a stream of bigrams alone would. Every token
 * kept spans one position (a bigram says it spans two): the stream is a plain sequence, which a query builder such
 * as OpenSearch's {@code match_phrase} turns into the same phrase query, not into a graph of spans.
 */
final class CoveredUnigramFilter extends KeptTokensFilter {

    CoveredUnigramFilter(TokenStream input) {
        super(input);
    }

    @Override
    List<Token> keep(List<Token> all) {
        return all.stream().filter(token -> all.stream().noneMatch(other -> other != token
                && other.start() <= token.start() && other.end() >= token.end()
                && other.end() - other.start() > token.end() - token.start())).toList();
    }
}
