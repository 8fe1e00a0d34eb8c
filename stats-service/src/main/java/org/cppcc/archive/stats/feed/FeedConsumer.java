package org.cppcc.archive.stats.feed;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.feed.FeedClient;
import org.cppcc.archive.feed.FeedFollower;
import org.cppcc.archive.feed.FeedFollower.Applied;
import org.cppcc.archive.feed.FeedFollower.Position;
import org.cppcc.archive.feed.FeedStatus;
import org.cppcc.archive.feed.ServiceToken;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.change.ChangePage;
import org.cppcc.archive.stats.config.StatsConfig;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StatsRepository.FeedPosition;
import org.cppcc.archive.stats.service.ChangeApplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows document-service's change feed ({@link FeedFollower}: backoff, status, the {@code feed.*} metrics) from
 * the stored cursor and applies each change (facts first, then the cursor), so a restart resumes where it stopped.
 */
@Singleton
public class FeedConsumer implements FeedFollower.Consumer<ChangePage> {

    private final ChangeApplier applier;
    private final StatsRepository repository;
    private final FeedFollower<ChangePage> follower;

    public FeedConsumer(StatsConfig config, ServiceToken token, ChangeApplier applier, StatsRepository repository,
            MeterRegistry registry) {
        this.applier = applier;
        this.repository = repository;
        this.follower = new FeedFollower<>("stats", "the facts", config.feed(),
                new FeedClient(config.feed().documentUrl(), token), ChangePage.class, this, registry);
    }

    /** The cursor stored with the facts of the last change applied. */
    @Override
    public Position position() {
        FeedPosition position = repository.feedPosition();
        return new Position(position.cursor(), position.appliedAt());
    }

    /** Applies the page's changes one by one, each storing its cursor after its facts. */
    @Override
    public Applied apply(long after, ChangePage page) {
        long cursor = after;
        for (ChangeItem change : page.items()) {
            applier.apply(change);
            cursor = Math.max(cursor, change.cursor());
        }
        return new Applied(cursor, page.items().size());
    }

    public FeedStatus status() {
        return follower.status();
    }

    void onStart(@Observes StartupEvent event) {
        follower.startIfEnabled();
    }

    /** Stops following the feed; a change being applied is replayed on restart unless its cursor was stored. */
    void onStop(@Observes ShutdownEvent event) {
        follower.stop();
    }
}
