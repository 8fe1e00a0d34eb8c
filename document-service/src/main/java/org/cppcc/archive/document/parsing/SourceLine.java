package org.cppcc.archive.document.parsing;

/**
 * One non-blank input line that is not page furniture.
 *
 * @param number     1-based line number in the input text (for warnings and error messages)
 * @param text       the line as in the source, without surrounding whitespace: this is what gets stored
 * @param norm       {@link org.cppcc.archive.document.text.MatchForm} of the text, used only to recognise structure
 * @param indented   the source line starts with whitespace (U+3000 or ASCII spaces): a paragraph start in
 *                   layouts that indent paragraphs
 * @param afterBlank a blank line stands before this one: a paragraph start in layouts that separate paragraphs
 *                   with blank lines
 */
record SourceLine(int number, String text, String norm, boolean indented, boolean afterBlank) {
}
