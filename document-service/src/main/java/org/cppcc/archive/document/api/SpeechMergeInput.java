package org.cppcc.archive.document.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Merges the speech that follows into this one, where the parser took a line for a speech header: the later
 * speech's body is appended, its outline too, and it is deleted. {@code etag} plays the part of If-Match for it.
 */
@Schema(description = "The speech right after this one in its compilation, and the ETag it was read with")
public record SpeechMergeInput(
        @Schema(description = "id of the speech that follows this one", examples = "7") @NotNull @Positive Long speechId,
        @Schema(description = "its ETag as GET answered it; a stale one is refused with 412", examples = "\"7-v1\"") @NotBlank @Size(max = 100) String etag) {
}
