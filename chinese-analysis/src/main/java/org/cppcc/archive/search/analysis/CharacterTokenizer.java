package org.cppcc.archive.search.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Every character of the text at its own position, punctuation, digits, Latin letters and blanks included, so that
 * a phrase of these tokens matches exactly where the text holds that character sequence, whatever the words.
 * Each position carries the pair of the character and the next one; with {@code singles} the character alone is
 * stacked on it too (the index needs it for one-character phrases; a query of two or more characters is matched
 * by its pairs, far rarer than single characters). Reads the text it is given: normalization is the reader's.
 */
final class CharacterTokenizer extends Tokenizer {

    private final boolean singles;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final StringBuilder text = new StringBuilder();
    /** Offset of the current character in {@link #text}; the pair at it is emitted before the single. */
    private int at;
    private boolean pairDone;
    private int finalOffset;

    CharacterTokenizer(boolean singles) {
        this.singles = singles;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        while (at < text.length()) {
            int first = Character.charCount(text.codePointAt(at));
            int next = at + first;
            boolean hasPair = next < text.length();
            if (!pairDone) {
                pairDone = true;
                if (hasPair) {
                    emit(at, next + Character.charCount(text.codePointAt(next)), 1);
                    return true;
                }
                if (singles || at == 0) { // a one-character text is its own query
                    emit(at, next, 1);
                    advance(next);
                    return true;
                }
            } else if (singles) {
                emit(at, next, 0);
                advance(next);
                return true;
            }
            advance(next);
        }
        return false;
    }

    private void emit(int start, int end, int positionIncrement) {
        term.setEmpty().append(text, start, end);
        offset.setOffset(correctOffset(start), correctOffset(end));
        increment.setPositionIncrement(positionIncrement);
    }

    private void advance(int next) {
        at = next;
        pairDone = false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        WholeInput.read(input, text);
        at = 0;
        pairDone = false;
        finalOffset = correctOffset(text.length());
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }
}
