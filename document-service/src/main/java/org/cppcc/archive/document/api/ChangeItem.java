package org.cppcc.archive.document.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One change-feed entry. {@code speech} is the full speech (as {@link SpeechDetail}) at {@code version} for an
 * upsert and null for a delete; it is kept as stored JSON and written through unchanged.
 */
public record ChangeItem(long cursor, String type, long speechId, long version, @JsonRawValue @Schema(implementation = SpeechDetail.class, nullable = true, description = "the speech at this version; null for a delete") String speech) {
}
