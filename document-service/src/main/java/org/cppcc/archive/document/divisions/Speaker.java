package org.cppcc.archive.document.divisions;

/**
 * The speaker of a speech as the compilation names it.
 *
 * @param name   the speaking body (or the member) exactly as written, without list numbers or a trailing colon,
 *               e.g. 政协成都市委员会, 民盟四川省委会, 张三委员
 * @param kind   what kind of speaker that is
 * @param person the person named beside the body, e.g. 张三 in {@code 政协XX市委员会主席 张三}; null when none
 */
public record Speaker(String name, SpeakerKind kind, String person) {
}
