package org.cppcc.archive.document.parsing;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed compilation of speeches.
 *
 * @param title    cover title, e.g. 推动新时代人民政协工作不断走深走实
 * @param subtitle cover subtitle, e.g. 全省政协工作经验交流会发言材料汇编
 * @param meeting  meeting name derived from the subtitle, e.g. 全省政协工作经验交流会
 * @param date     the date on the cover (the 1st of the month where the cover names no day)
 * @param province the province the speakers belong to, inferred from them, e.g. 四川省; null when none resolves
 * @param preface  paragraphs of a preface or editor's note (前言, 编者按) that belong to no speech
 * @param speeches every speech, in order
 * @param warnings what the parser assumed, by line
 * @param unplaced source text that ended up in no speech and is not page furniture
 * @param coverage characters of the source that ended up in some speech or in the cover / characters of the
 *                 source minus page furniture and whitespace (1.0: everything placed)
 */
public record ParsedCompilation(String title, String subtitle, String meeting, LocalDate date,
                                String province, List<String> preface, List<ParsedSpeech> speeches, List<ParseWarning> warnings,
                                List<UnplacedText> unplaced, double coverage) {
    public ParsedCompilation {
        preface = List.copyOf(preface);
        speeches = List.copyOf(speeches);
        warnings = List.copyOf(warnings);
        unplaced = List.copyOf(unplaced);
    }
}
