package org.cppcc.archive.search.service;

import java.io.IOException;

import jakarta.inject.Singleton;

import org.cppcc.archive.feed.FeedStatus;
import org.cppcc.archive.search.feed.FeedConsumer;
import org.cppcc.archive.search.index.SpeechIndex;
import org.cppcc.archive.search.model.RebuildTicket;
import org.cppcc.archive.search.model.SearchStatus;

/** What the service knows about its index and the feed it follows; rebuilding the index from the feed. */
@Singleton
public class IndexService {

    static final String SERVICE = "search-service";

    private final SpeechIndex index;
    private final FeedConsumer feed;

    public IndexService(SpeechIndex index, FeedConsumer feed) {
        this.index = index;
        this.feed = feed;
    }

    public SearchStatus status() throws IOException {
        FeedStatus state = feed.status();
        return new SearchStatus(SERVICE, index.speechCount(), state.feedCursor(), state.feedHead(),
                state.lagChanges(), state.lagSeconds(), state.caughtUp(), state.feedRunning(), state.feedError(),
                state.lastAppliedAt(), feed.rebuilding(), feed.lastRebuild());
    }

    /** Replays the whole feed into a fresh index and swaps it in; one rebuild at a time. */
    public RebuildTicket rebuild() {
        return feed.rebuild();
    }
}
