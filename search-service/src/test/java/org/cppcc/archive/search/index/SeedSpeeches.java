package org.cppcc.archive.search.index;

import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.change.ChangeItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Real speeches as the change feed carries them: the seed compilation's twelve ({@code seed/speeches.json}:
 * document-service's CompilationParser over {@code seed/sichuan-cppcc-exchange-2021-09-28.txt}) and the 46 of the
 * import issue's eleven unseen compilations ({@code unseen/speeches.json}: their hand-written
 * {@code *.expected.json} of document-service's test resources, ids 1000 × compilation + order), with every text
 * of a speech that search indexes.
 */
public final class SeedSpeeches {

    private SeedSpeeches() {
    }

    public static List<Speech> all() {
        return read("/seed/speeches.json");
    }

    public static List<Speech> unseen() {
        return read("/unseen/speeches.json");
    }

    static List<Speech> read(String resource) {
        try (InputStream in = SeedSpeeches.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return TestSpeeches.JSON.readValue(in, new TypeReference<List<Speech>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The speeches applied to a fresh index of {@code backend} as one page of the feed. */
    public static SpeechIndex index(Backend backend, String purpose, List<Speech> speeches) throws IOException {
        SpeechIndex index = backend.open(Backend.fresh(purpose));
        List<ChangeItem> items = new ArrayList<>();
        for (Speech speech : speeches) {
            items.add(TestSpeeches.upsert(items.size() + 1, speech));
        }
        index.apply(0, items, items.size());
        return index;
    }

    /** Title, headings, outline, lead and paragraphs: the texts a reader copies from. */
    public static List<String> texts(Speech speech) {
        List<String> texts = new ArrayList<>();
        texts.add(speech.title());
        speech.sections().forEach(s -> texts.add(s.heading()));
        texts.addAll(speech.outline());
        texts.addAll(speech.lead());
        speech.sections().forEach(s -> s.paragraphs().forEach(p -> texts.add(p.text())));
        return texts.stream().filter(t -> t != null && !t.isBlank()).toList();
    }
}
