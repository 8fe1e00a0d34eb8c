package org.cppcc.archive.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.cppcc.archive.search.change.ChangeItem;
import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.CompilationLookup;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.doc.SpeechDocuments;
import org.cppcc.archive.search.model.AppliedBatch;
import org.cppcc.archive.search.query.SpeechFilters;

/**
 * One on-disk Lucene index and the feed cursor it has applied. The only owner of its {@link IndexWriter}.
 *
 * <p>The cursor lives in the commit's user data, written by the same commit as the documents it covers: after
 * a crash the index reopens at its last commit and its cursor says exactly which changes that commit holds.
 * Changes are applied idempotently by (speech id, version): a version not newer than the one indexed (or
 * deleted) is skipped, so a duplicate or an out-of-order older change does nothing.
 *
 * <p>The schema of its documents is committed with them ({@value #SCHEMA_KEY}): an index opened with an older one
 * keeps it (its commits say so until it is replaced) and reports itself {@link #outdated()}; it still answers,
 * the readers knowing every schema, while a rebuild replaces it.
 */
public final class LuceneIndex implements Closeable {

    public static final String CURSOR_KEY = "feedCursor";
    public static final String APPLIED_AT_KEY = "appliedAt";
    /**
     * The version of what the documents store ({@link SpeechDocuments#SCHEMA}), in the commit's user data; an index
     * with documents and no such key was written by schema 1.
     */
    public static final String SCHEMA_KEY = "schema";

    /** Work done with an acquired searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final CompilationLookup compilations;
    /** speech id → newest version seen (indexed or deleted); guarded by this. */
    private final Map<Long, Long> versions = new HashMap<>();
    private volatile long cursor;
    private volatile Instant appliedAt;
    /** The schema of the documents this index holds (the oldest, when it holds documents of several). */
    private final int schema;

    private LuceneIndex(Path path, CompilationLookup compilations) throws IOException {
        this.path = path;
        this.compilations = compilations;
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        Map<String, String> committed = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData()
                : Map.of();
        IndexWriterConfig config = new IndexWriterConfig(Fields.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(32);
        this.writer = new IndexWriter(directory, config);
        this.cursor = Long.parseLong(committed.getOrDefault(CURSOR_KEY, "0"));
        this.appliedAt = committed.containsKey(APPLIED_AT_KEY) ? Instant.parse(committed.get(APPLIED_AT_KEY)) : null;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        boolean empty = search(s -> s.getIndexReader().maxDoc() == 0);
        this.schema = committed.containsKey(SCHEMA_KEY) ? Integer.parseInt(committed.get(SCHEMA_KEY))
                : empty ? SpeechDocuments.SCHEMA : 1;
        loadVersions();
    }

    /** Opens (or creates) the index at {@code path}, resuming at its last committed cursor. */
    public static LuceneIndex open(Path path, CompilationLookup compilations) throws IOException {
        return new LuceneIndex(path, compilations);
    }

    public Path path() {
        return path;
    }

    /** The feed cursor of the last applied batch (0: nothing yet). */
    public long cursor() {
        return cursor;
    }

    /** When the last batch was applied, or null. */
    public Instant appliedAt() {
        return appliedAt;
    }

    /** The schema of the documents held: {@link SpeechDocuments#SCHEMA} unless written by an older version. */
    public int schema() {
        return schema;
    }

    /** Written by an older schema: it answers, but should be rebuilt from the feed. */
    public boolean outdated() {
        return schema < SpeechDocuments.SCHEMA;
    }

    /**
     * Applies one batch of the feed, makes it searchable and commits it together with {@code next} as the cursor;
     * items at or below the current cursor are ignored, as are versions not newer than the indexed one.
     */
    public synchronized AppliedBatch apply(List<ChangeItem> items, long next) throws IOException {
        int applied = 0;
        int skipped = 0;
        for (ChangeItem item : items) {
            if (item.cursor() <= cursor) {
                skipped++;
                continue;
            }
            Long known = versions.get(item.speechId());
            if (known != null && item.version() <= known) {
                skipped++;
                continue;
            }
            Term id = new Term(Fields.ID, Long.toString(item.speechId()));
            if (item.isDelete() || item.speech() == null) {
                writer.updateDocument(id, SpeechDocuments.tombstone(item.speechId(), item.version()));
            } else {
                Speech speech = item.speech();
                Optional<Compilation> compilation = speech.compilationId() == null ? Optional.empty()
                        : compilations.find(speech.compilationId());
                writer.updateDocument(id, SpeechDocuments.speech(speech, compilation));
            }
            versions.put(item.speechId(), item.version());
            applied++;
        }
        long newCursor = Math.max(cursor, next);
        if (applied > 0) {
            // Searchable before the commit: its fsync is most of a small batch's delay. Should the process die
            // before the commit, the committed cursor is still the old one and the changes are fetched again.
            searchers.maybeRefreshBlocking();
        }
        if (newCursor != cursor || applied > 0) {
            Instant now = Instant.now();
            writer.setLiveCommitData(Map.of(CURSOR_KEY, Long.toString(newCursor), APPLIED_AT_KEY, now.toString(),
                    SCHEMA_KEY, Integer.toString(schema)).entrySet());
            writer.commit();
            cursor = newCursor;
            appliedAt = now;
        }
        return new AppliedBatch(applied, skipped, cursor);
    }

    /** Runs {@code work} with a searcher acquired from the SearcherManager and released in finally. */
    public <T> T search(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Number of speeches (not tombstones) a search can find. */
    public int speechCount() throws IOException {
        return search(s -> s.count(SpeechFilters.speeches()));
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }

    private void loadVersions() throws IOException {
        search(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues ids = leaf.reader().getNumericDocValues(Fields.ID_DV);
                NumericDocValues vs = leaf.reader().getNumericDocValues(Fields.VERSION);
                Bits live = leaf.reader().getLiveDocs();
                if (ids == null || vs == null) {
                    continue;
                }
                for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if ((live == null || live.get(doc)) && vs.advanceExact(doc)) {
                        versions.merge(ids.longValue(), vs.longValue(), Math::max);
                    }
                }
            }
            return null;
        });
    }
}
