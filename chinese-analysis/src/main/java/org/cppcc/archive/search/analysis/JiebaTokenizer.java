package org.cppcc.archive.search.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * jieba's word segmentation (search mode: no overlapping words) with the {@link DomainLexicon} in its dictionary,
 * as a Lucene tokenizer ({@link WordSegmenter}). Reads the whole text (a heading or paragraph) and segments it at
 * once; blanks are dropped, punctuation is left to the stop filter.
 */
final class JiebaTokenizer extends Tokenizer {

    private final WordSegmenter segmenter = new WordSegmenter();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private int tokens;
    private int next;
    private int finalOffset;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        char[] chars = segmenter.text();
        while (next < tokens) {
            int start = segmenter.start(next);
            int end = segmenter.end(next++);
            if (end - start == 1 && Character.isWhitespace(chars[start])) {
                continue;
            }
            term.copyBuffer(chars, start, end - start);
            offset.setOffset(correctOffset(start), correctOffset(end));
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        WholeInput.read(input, text);
        tokens = segmenter.segment(text);
        next = 0;
        finalOffset = correctOffset(text.length());
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }
}
