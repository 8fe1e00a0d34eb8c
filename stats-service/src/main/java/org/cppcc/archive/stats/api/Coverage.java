package org.cppcc.archive.stats.api;

import java.util.List;
import java.util.Map;

import org.cppcc.archive.stats.divisions.CommitteeCoverage;

/** The coverage report and, over the same speeches, how many speak for each level and are of each kind. */
public record Coverage(String gazetteer, List<CommitteeCoverage.ProvinceRow> provinces,
        CommitteeCoverage.Totals totals, Map<String, Long> committeesByLevel, Map<String, Long> speakersByKind,
        List<CommitteeCoverage.Speaker> outsideGazetteer) {
}
