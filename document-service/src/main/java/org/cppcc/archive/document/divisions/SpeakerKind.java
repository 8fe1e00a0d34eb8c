package org.cppcc.archive.document.divisions;

import java.util.Arrays;
import java.util.Optional;

/** Who gives a speech: the kinds of speaker that CPPCC compilations contain. */
public enum SpeakerKind {
    /** a local or provincial CPPCC committee: 政协成都市委员会, 青羊区政协 */
    COMMITTEE("committee"),
    /** a democratic party's committee: 民革四川省委会, 九三学社浙江省委会 */
    PARTY("party"),
    /** the federation of industry and commerce: 省工商联 */
    FEDERATION("federation"),
    /** a sector group of the CPPCC: 经济界别, 农业界 */
    SECTOR("sector"),
    /** a special committee of a CPPCC: 政协四川省委员会提案委员会 */
    SPECIAL_COMMITTEE("special-committee"),
    /** an individual member: 张三委员 */
    MEMBER("member");

    /** The {@link #value() values} as a regular expression, for validation annotations (checked by a test). */
    public static final String PATTERN = "committee|party|federation|sector|special-committee|member";

    private final String value;

    SpeakerKind(String value) {
        this.value = value;
    }

    /** The name used in the API, the database and the change feed. */
    public String value() {
        return value;
    }

    public static Optional<SpeakerKind> fromValue(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }
}
