package org.cppcc.archive.search.change;

import java.util.List;

import org.cppcc.archive.feed.FeedPage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A slice of the change feed; {@code head}, when the feed reports it, is its newest cursor. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangePage(List<ChangeItem> items, long next, Long head) implements FeedPage {

    public ChangePage {
        items = items == null ? List.of() : items;
    }
}
