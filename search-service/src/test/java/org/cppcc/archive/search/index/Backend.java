package org.cppcc.archive.search.index;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * The implementations of {@link SpeechIndex} the backend tests run against: the same assertions hold for each. An
 * index is named by the test; opening the same name again is what a restarted service does.
 */
public enum Backend {

    LUCENE {
        @Override
        public SpeechIndex open(String name) {
            LuceneSpeechIndex index = new LuceneSpeechIndex(Path.of("target", "backend-indexes", name)
                    .toAbsolutePath(), TestSpeeches.COMPILATIONS);
            index.open();
            return index;
        }
    },

    /** On the node {@link TestOpenSearch} starts once for the whole test run. */
    OPENSEARCH {
        @Override
        public SpeechIndex open(String name) {
            OpenSearchSpeechIndex index = new OpenSearchSpeechIndex(TestOpenSearch.urls(),
                    name.toLowerCase(Locale.ROOT), 0, TestSpeeches.COMPILATIONS);
            index.open();
            return index;
        }
    };

    /** The index called {@code name} (created empty the first time), open. */
    public abstract SpeechIndex open(String name);

    /** A name no index of this run or an earlier one has. */
    public static String fresh(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
