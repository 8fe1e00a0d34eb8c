package org.cppcc.archive.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cppcc.archive.search.query.SpeechSearcher;
import org.cppcc.archive.search.query.QueryParser;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;

/**
 * The search service's on-disk index opened read-only in this process (the service keeps writing it; a reader
 * of its last commit needs no lock), to time the same searches without the service around them:
 * <ul>
 * <li>{@link #raw}: a bare {@link IndexSearcher#search(Query, int, Sort)} of the Lucene query the service builds
 * (its query language, analysis, fields, boosts and filters, built beforehand by its own classes), top
 * {@value #PAGE} in the service's order, hits counted up to Lucene's default threshold; no facets, no stored
 * fields, no highlights;</li>
 * <li>{@link #inProcess}: the service's {@link SpeechSearcher} as it answers a request, minus HTTP: parsing,
 * exact total, facets over all hits, the stored speeches of the page and their highlights.</li>
 * </ul>
 */
final class LocalSearch implements Closeable {

    static final int PAGE = 20;

    private record Prepared(Query query, Sort sort) {
    }

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SpeechSearcher service = new SpeechSearcher();

    /** Opens the live generation under the service's data directory: the one its CURRENT file names. */
    LocalSearch(Path dataDir) throws IOException {
        String live = Files.readString(dataDir.resolve("CURRENT"), StandardCharsets.UTF_8).strip();
        this.directory = FSDirectory.open(dataDir.resolve(live));
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    Latencies raw(List<SearchBenchmark.MixedQuery> queries, int concurrency) {
        List<Prepared> prepared = queries.stream().map(q -> {
            ParsedQuery parsed = QueryParser.parse(q.q());
            return new Prepared(service.query(parsed, q.filters()), SpeechSearcher.sort(parsed));
        }).toList();
        return Latencies.time(concurrency, prepared.size(), i -> {
            Prepared p = prepared.get(i);
            if (p.query() == null) {
                return "nothing searchable in " + queries.get(i).q();
            }
            searcher.search(p.query(), PAGE, p.sort());
            return null;
        });
    }

    Latencies inProcess(List<SearchBenchmark.MixedQuery> queries, int concurrency) {
        return Latencies.time(concurrency, queries.size(), i -> {
            SearchBenchmark.MixedQuery q = queries.get(i);
            service.search(searcher, QueryParser.parse(q.q()), q.filters(), 0, PAGE);
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
