package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.divisions.SpeakerKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an editor sends to create (POST) or replace (PUT) a speech. When {@code region} is left out, the region
 * fields are resolved from the committee name with the gazetteer; when {@code speakerKind} is left out, it is
 * {@code committee}. Paragraph ids are assigned by the service.
 */
public record SpeechInput(
        @NotNull @Positive Long compilationId,
        @NotNull @Min(1) @Max(10_000) Integer order,
        @NotBlank @Size(max = 100) String committee,
        @Size(max = 20) @Pattern(regexp = SpeakerKind.PATTERN, message = "must be one of " + SpeakerKind.PATTERN) String speakerKind,
        @Size(max = 50) String speakerName,
        @Size(max = 100) String region,
        @Size(max = 6) @Pattern(regexp = "\\d{6}", message = "must be a 6-digit division code") String regionCode,
        @Size(max = 30) @Pattern(regexp = Region.LEVELS, message = "must be one of " + Region.LEVELS)
        String level,
        @Size(max = 100) String parentRegion,
        @NotBlank @Size(max = 200) String title,
        @Schema(description = ApiText.SPEECH_SUBTITLE) @Size(max = 10_000) String subtitle,
        @Schema(description = ApiText.SPEECH_DATE) LocalDate date,
        @Min(1) @Max(100_000) Integer tocPage,
        @NotNull Boolean bodyAvailable,
        Boolean truncated,
        @Size(max = 50) List<@NotNull @Size(max = 10_000) String> lead,
        @Size(max = 50) List<@NotNull @Valid SectionInput> sections,
        @Size(max = 50) List<@NotNull @Size(max = 200) String> outline) {

    public record SectionInput(
            @NotNull @Min(1) @Max(99) Integer ordinal,
            @NotBlank @Size(max = 200) String heading,
            @NotNull @Size(max = 200) List<@NotNull @Size(max = 10_000) String> paragraphs) {
    }
}
