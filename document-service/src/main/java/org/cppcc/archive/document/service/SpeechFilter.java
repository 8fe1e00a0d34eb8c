package org.cppcc.archive.document.service;

/** Optional filters of a speech list; null means "any". */
public record SpeechFilter(Long compilationId, String region, String regionCode, String level, String committee,
        Boolean bodyAvailable) {
}
