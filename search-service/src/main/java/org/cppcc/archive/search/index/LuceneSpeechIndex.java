package org.cppcc.archive.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.cppcc.archive.search.change.ChangeItem;
import org.cppcc.archive.search.change.CompilationLookup;
import org.cppcc.archive.search.model.AppliedBatch;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.model.Suggestion;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;
import org.cppcc.archive.search.query.SpeechSearcher;
import org.cppcc.archive.search.similar.SimilarSpeeches;
import org.cppcc.archive.search.suggest.Suggester;
import org.jboss.logging.Logger;

/**
 * The Lucene implementation of {@link SpeechIndex}: the one owner of the writer. The data directory holds index
 * generations ({@code index-1}, {@code index-2}…) and a {@code CURRENT} file naming the live one; a rebuild fills a
 * new generation and swaps it in while searches keep using the old one until that moment. Searches, suggestions
 * and more-like-this run on a searcher acquired from the live generation and released in finally.
 */
public class LuceneSpeechIndex implements SpeechIndex {

    private static final Logger LOG = Logger.getLogger(LuceneSpeechIndex.class);
    private static final String CURRENT = "CURRENT";

    private final Path root;
    private final CompilationLookup compilations;
    private final SpeechSearcher searcher = new SpeechSearcher();
    private final Suggester suggester = new Suggester();
    private final SimilarSpeeches similar = new SimilarSpeeches();
    /** Searches and applies hold the read lock; a swap takes the write lock. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final Object applyLock = new Object();
    private volatile LuceneIndex current;

    /** An index under {@code root} that resolves compilations with {@code compilations}. */
    public LuceneSpeechIndex(Path root, CompilationLookup compilations) {
        this.root = root;
        this.compilations = compilations;
    }

    public void open() {
        try {
            Files.createDirectories(root);
            Path currentFile = root.resolve(CURRENT);
            String name = Files.exists(currentFile) ? Files.readString(currentFile, StandardCharsets.UTF_8).strip()
                    : null;
            if (name == null || name.isEmpty()) {
                name = "index-1";
                writeCurrent(name);
            }
            current = LuceneIndex.open(root.resolve(name), compilations);
            removeStaleGenerations();
            LOG.infof("Index %s opened at feed cursor %d with %d speeches (schema %d%s)", current.path(),
                    current.cursor(), current.speechCount(), current.schema(),
                    current.outdated() ? ", older than this version's: to be rebuilt from the feed" : "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index under " + root, e);
        }
    }

    @Override
    public void close() {
        swap.writeLock().lock();
        try {
            if (current != null) {
                current.close();
                current = null;
            }
        } catch (IOException e) {
            LOG.warnf("Closing the index failed: %s", e.getMessage());
        } finally {
            swap.writeLock().unlock();
        }
    }

    @Override
    public SearchResult search(ParsedQuery query, Filters filters, int page, int size) throws IOException {
        return read(index -> index.search(s -> searcher.search(s, query, filters, page, size)));
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        return read(index -> index.search(s -> suggester.suggest(s, prefix, limit)));
    }

    @Override
    public Optional<List<Hit>> similar(long speechId, int limit) throws IOException {
        return read(index -> index.search(s -> similar.similar(s, speechId, limit)));
    }

    @Override
    public long speechCount() throws IOException {
        return read(LuceneIndex::speechCount);
    }

    @Override
    public long cursor() {
        return current.cursor();
    }

    @Override
    public Instant appliedAt() {
        return current.appliedAt();
    }

    @Override
    public boolean outdated() {
        return current.outdated();
    }

    @Override
    public Optional<AppliedBatch> apply(long after, List<ChangeItem> items, long next) throws IOException {
        synchronized (applyLock) {
            return read(index -> index.cursor() != after ? Optional.empty() : Optional.of(index.apply(items, next)));
        }
    }

    @Override
    public Rebuild startRebuild() throws IOException {
        int highest = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                highest = Math.max(highest, generation(dir));
            }
        }
        return new Generation(LuceneIndex.open(root.resolve("index-" + (highest + 1)), compilations));
    }

    /** A generation being filled by a rebuild. */
    private final class Generation implements Rebuild {

        private final LuceneIndex fresh;

        Generation(LuceneIndex fresh) {
            this.fresh = fresh;
        }

        @Override
        public String name() {
            return fresh.path().getFileName().toString();
        }

        @Override
        public long cursor() {
            return fresh.cursor();
        }

        @Override
        public AppliedBatch apply(List<ChangeItem> items, long next) throws IOException {
            return fresh.apply(items, next);
        }

        @Override
        public void swapIn(CatchUp catchUp) throws IOException, InterruptedException {
            LuceneIndex old;
            synchronized (applyLock) {
                catchUp.run(this);
                swap.writeLock().lock();
                try {
                    writeCurrent(name());
                    old = current;
                    current = fresh;
                } finally {
                    swap.writeLock().unlock();
                }
            }
            LOG.infof("Swapped in rebuilt index %s at feed cursor %d", fresh.path(), fresh.cursor());
            old.close();
            delete(old.path());
        }

        @Override
        public void discard() {
            try {
                fresh.close();
            } catch (IOException e) {
                LOG.debugf("closing discarded index: %s", e.getMessage());
            }
            delete(fresh.path());
        }
    }

    @FunctionalInterface
    private interface IndexRead<T> {
        T apply(LuceneIndex index) throws IOException;
    }

    private <T> T read(IndexRead<T> work) throws IOException {
        swap.readLock().lock();
        try {
            LuceneIndex index = current;
            if (index == null) {
                throw new IOException("the index is closed");
            }
            return work.apply(index);
        } finally {
            swap.readLock().unlock();
        }
    }

    private void writeCurrent(String name) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void removeStaleGenerations() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> generation(d) > 0 && !d.equals(current.path())).forEach(d -> {
                LOG.infof("Removing index generation %s left by an unfinished rebuild", d);
                delete(d);
            });
        }
    }

    private static int generation(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith("index-") || !Files.isDirectory(dir)) {
            return 0;
        }
        try {
            return Integer.parseInt(name.substring("index-".length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", dir, e.getMessage());
        }
    }
}
