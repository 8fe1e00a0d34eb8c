package org.cppcc.archive.document.parsing;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed compilation of speeches.
 *
 * @param title    cover title, e.g. 推动新时代人民政协工作不断走深走实
 * @param subtitle cover subtitle, e.g. 全省政协工作经验交流会发言材料汇编
 * @param meeting  meeting name derived from the subtitle, e.g. 全省政协工作经验交流会
 * @param date     the date on the cover
 * @param province the province of the gazetteer used, e.g. 四川省
 * @param speeches every speech of the table of contents, in order
 */
public record ParsedCompilation(String title, String subtitle, String meeting, LocalDate date,
                                String province, List<ParsedSpeech> speeches) {
    public ParsedCompilation {
        speeches = List.copyOf(speeches);
    }
}
