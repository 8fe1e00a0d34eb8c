package org.cppcc.archive.search.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The field's own terms (有事来协商, 委员工作室, 协商议事室…) that the word segmenter must keep whole, read from the
 * resource {@value #RESOURCE}: data, extended from new compilations without touching code.
 */
public final class DomainLexicon {

    static final String RESOURCE = "/analysis/cppcc-lexicon.txt";

    private DomainLexicon() {
    }

    /** The terms, in file order, comments and blank lines left out. */
    public static List<String> terms() {
        try (InputStream in = DomainLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
