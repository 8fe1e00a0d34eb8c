package org.cppcc.archive.search.service;

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

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.cppcc.archive.search.client.DocumentClient;
import org.cppcc.archive.search.config.SearchConfig;
import org.cppcc.archive.search.index.ChangeItem;
import org.cppcc.archive.search.index.CompilationLookup;
import org.cppcc.archive.search.index.LuceneIndex;
import org.cppcc.archive.search.index.SearchModel.Filters;
import org.cppcc.archive.search.index.SearchModel.Hit;
import org.cppcc.archive.search.index.SearchModel.Result;
import org.cppcc.archive.search.index.SearchModel.Suggestion;
import org.cppcc.archive.search.index.SpeechIndex;
import org.cppcc.archive.search.index.SpeechSearcher;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The Lucene index of this service: the one owner of the writer. The data directory holds index generations
 * ({@code index-1}, {@code index-2}…) and a {@code CURRENT} file naming the live one; a rebuild fills a new
 * generation and {@link #swapIn swaps} it in while searches keep using the old one until that moment.
 */
@Startup
@Singleton
public class LuceneSpeechIndex implements SpeechIndex {

    private static final Logger LOG = Logger.getLogger(LuceneSpeechIndex.class);
    private static final String CURRENT = "CURRENT";

    private final Path root;
    private final CompilationLookup compilations;
    private final SpeechSearcher searcher = new SpeechSearcher();
    /** Searches and applies hold the read lock; a swap takes the write lock. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final Object applyLock = new Object();
    private volatile LuceneIndex current;

    @Inject
    public LuceneSpeechIndex(SearchConfig config, DocumentClient documents) {
        this.root = Path.of(config.dataDir()).toAbsolutePath().normalize();
        this.compilations = documents::compilation;
    }

    /** For tests: an index under {@code root} with a given compilation lookup. */
    public LuceneSpeechIndex(Path root, CompilationLookup compilations) {
        this.root = root;
        this.compilations = compilations;
    }

    @PostConstruct
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
            LOG.infof("Index %s opened at feed cursor %d with %d speeches", current.path(), current.cursor(),
                    current.speechCount());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index under " + root, e);
        }
    }

    @PreDestroy
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
    public Result search(ParsedQuery query, Filters filters, int page, int size) throws IOException {
        return read(index -> index.search(s -> searcher.search(s, query, filters, page, size)));
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        return read(index -> index.search(s -> searcher.suggest(s, prefix, limit)));
    }

    @Override
    public Optional<List<Hit>> similar(long speechId, int limit) throws IOException {
        return read(index -> index.search(s -> searcher.similar(s, speechId, limit)));
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

    public Path directory() {
        return current.path();
    }

    @Override
    public Optional<LuceneIndex.ApplyResult> apply(long after, List<ChangeItem> items, long next) throws IOException {
        synchronized (applyLock) {
            return read(index -> index.cursor() != after ? Optional.empty() : Optional.of(index.apply(items, next)));
        }
    }

    /** A new, empty generation for a rebuild to fill; the caller closes it when it gives up. */
    public LuceneIndex createFresh() throws IOException {
        int highest = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                highest = Math.max(highest, generation(dir));
            }
        }
        return LuceneIndex.open(root.resolve("index-" + (highest + 1)), compilations);
    }

    /**
     * Makes {@code fresh} the live index. {@code catchUp} runs first while no other change can be applied, so
     * that the fresh index holds everything the old one did; searches keep using the old index until the swap.
     */
    public void swapIn(LuceneIndex fresh, IndexAction catchUp) throws IOException, InterruptedException {
        LuceneIndex old;
        synchronized (applyLock) {
            catchUp.run(fresh);
            swap.writeLock().lock();
            try {
                writeCurrent(fresh.path().getFileName().toString());
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

    /** Discards a generation that was never swapped in. */
    public void discard(LuceneIndex fresh) {
        try {
            fresh.close();
        } catch (IOException e) {
            LOG.debugf("closing discarded index: %s", e.getMessage());
        }
        delete(fresh.path());
    }

    /** Work on an index that may throw. */
    @FunctionalInterface
    public interface IndexAction {
        void run(LuceneIndex index) throws IOException, InterruptedException;
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
