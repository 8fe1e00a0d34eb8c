package org.cppcc.archive.stats.service;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;

/**
 * What an aggregate is restricted to: one compilation, one region (by name), one kind of speaker; a null part does
 * not restrict. Facts, texts and speeches all carry these fields.
 */
public record Scope(Long compilationId, String region, SpeakerKind speakerKind) {

    public static final Scope ALL = new Scope(null, null, null);

    /** The filters of this scope, to be and-ed with the query's own. */
    List<Bson> filters() {
        List<Bson> filters = new ArrayList<>();
        if (compilationId != null) {
            filters.add(eq("compilationId", compilationId));
        }
        if (region != null) {
            filters.add(eq("region", region));
        }
        if (speakerKind != null) {
            filters.add(speakerKindIs(speakerKind));
        }
        return filters;
    }

    /** Rows stored before speakers had kinds have none: they are a committee's. */
    static Bson speakerKindIs(SpeakerKind kind) {
        return kind == SpeakerKind.COMMITTEE ? or(eq("speakerKind", kind.value()), eq("speakerKind", null))
                : eq("speakerKind", kind.value());
    }

    /** The kind a stored row names, committee when it names none. */
    static String speakerKindOf(Object stored) {
        return stored == null ? SpeakerKind.COMMITTEE.value() : stored.toString();
    }

    /** The parts of a cache key. */
    Object[] key() {
        return new Object[] { compilationId, region, speakerKind };
    }
}
