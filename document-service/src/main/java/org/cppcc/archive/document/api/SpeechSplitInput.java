package org.cppcc.archive.document.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.divisions.SpeakerKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Splits a speech in two where the parser missed a speech header: everything from {@code at} on becomes a new
 * speech right after it, with the header given here. {@code at} is a paragraph id ({@code p-4}) or the n-th lead
 * paragraph ({@code lead-2}, counted from 1). When the paragraph opens its section, the new speech starts with
 * that section, heading included; otherwise the rest of the section becomes the new speech's lead. The region is
 * resolved from the committee when left out, as on create.
 */
@Schema(description = "Where to split a speech and the header of the speech that starts there")
public record SpeechSplitInput(
        @Schema(description = "the paragraph where the second speech starts: a paragraph id (p-4) or lead-N for the N-th lead paragraph", examples = "p-4")
        @NotBlank @Size(max = 12) @Pattern(regexp = AT, message = "must be a paragraph id such as p-4 or a lead paragraph such as lead-2") String at,
        @NotBlank @Size(max = 200) String title,
        @Schema(description = ApiText.SPEECH_SUBTITLE) @Size(max = 10_000) String subtitle,
        @Schema(description = ApiText.SPEECH_DATE) LocalDate date,
        @NotBlank @Size(max = 100) String committee,
        @Size(max = 20) @Pattern(regexp = SpeakerKind.PATTERN, message = "must be one of " + SpeakerKind.PATTERN) String speakerKind,
        @Size(max = 50) String speakerName,
        @Size(max = 100) String region,
        @Size(max = 6) @Pattern(regexp = "\\d{6}", message = "must be a 6-digit division code") String regionCode,
        @Size(max = 30) @Pattern(regexp = Region.LEVELS, message = "must be one of " + Region.LEVELS) String level,
        @Size(max = 100) String parentRegion,
        @Min(1) @Max(100_000) Integer tocPage) {

    public static final String AT = "p-[1-9][0-9]{0,5}|lead-[1-9][0-9]{0,5}";
}
