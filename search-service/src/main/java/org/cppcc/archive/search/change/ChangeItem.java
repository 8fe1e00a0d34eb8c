package org.cppcc.archive.search.change;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of document-service's change feed: an upsert carries the speech, a delete does not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeItem(long cursor, String type, long speechId, long version, Speech speech) {

    public boolean isDelete() {
        return "delete".equals(type);
    }
}
