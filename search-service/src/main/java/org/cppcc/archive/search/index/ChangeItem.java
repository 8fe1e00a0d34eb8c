package org.cppcc.archive.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of document-service's change feed: an upsert carries the speech, a delete does not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeItem(long cursor, String type, long speechId, long version, Speech speech) {

    public boolean isDelete() {
        return "delete".equals(type);
    }

    public static ChangeItem upsert(long cursor, Speech speech) {
        return new ChangeItem(cursor, "upsert", speech.id(), speech.version(), speech);
    }

    public static ChangeItem delete(long cursor, long speechId, long version) {
        return new ChangeItem(cursor, "delete", speechId, version, null);
    }
}
