package org.cppcc.archive.search.change;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The compilation a speech belongs to: its title and date are indexed with the speech. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Compilation(long id, String title, String subtitle, LocalDate date) {
}
