package org.cppcc.archive.document.api;

/** Both halves of a split: the speech as it now ends, and the new speech after it (each with its version). */
public record SpeechSplitResult(SpeechDetail first, SpeechDetail second) {
}
