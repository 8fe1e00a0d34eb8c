package org.cppcc.archive.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import com.huaban.analysis.jieba.WordDictionary;

/**
 * jieba's word segmentation (search mode: no overlapping words) with the {@link DomainLexicon} in its dictionary,
 * as a Lucene tokenizer. Reads the whole text (a heading or paragraph) and segments it at once; blanks are dropped,
 * punctuation is left to the stop filter.
 */
final class JiebaTokenizer extends Tokenizer {

    /** A lexicon term outweighs the shorter words it could be cut into. */
    private static final int LEXICON_FREQUENCY = 1000;

    static {
        loadLexicon();
    }

    private final JiebaSegmenter segmenter = new JiebaSegmenter();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private Iterator<SegToken> tokens;
    private int finalOffset;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        while (tokens.hasNext()) {
            SegToken next = tokens.next();
            if (next.word.isBlank()) {
                continue;
            }
            term.setEmpty().append(next.word);
            offset.setOffset(correctOffset(next.startOffset), correctOffset(next.endOffset));
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        WholeInput.read(input, text);
        tokens = segmenter.process(text.toString(), JiebaSegmenter.SegMode.SEARCH).iterator();
        finalOffset = correctOffset(text.length());
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }

    /** jieba reads user words only from a file of "word frequency" lines: the lexicon is written to one first. */
    private static void loadLexicon() {
        try {
            Path file = Files.createTempFile("cppcc-lexicon", ".dict");
            try {
                Files.write(file, DomainLexicon.terms().stream().map(t -> t + " " + LEXICON_FREQUENCY).toList(),
                        StandardCharsets.UTF_8);
                WordDictionary.getInstance().loadUserDict(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the domain lexicon into jieba", e);
        }
    }
}
