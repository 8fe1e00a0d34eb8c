package org.cppcc.archive.stats.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sichuan's 21 prefecture-level divisions (GB/T 2260), the denominator of committee coverage. */
public final class Gazetteer {

    public static final Map<String, String> SICHUAN_PREFECTURES = new LinkedHashMap<>();

    static {
        String[][] rows = { { "510100", "成都市" }, { "510300", "自贡市" }, { "510400", "攀枝花市" }, { "510500", "泸州市" },
                { "510600", "德阳市" }, { "510700", "绵阳市" }, { "510800", "广元市" }, { "510900", "遂宁市" },
                { "511000", "内江市" }, { "511100", "乐山市" }, { "511300", "南充市" }, { "511400", "眉山市" },
                { "511500", "宜宾市" }, { "511600", "广安市" }, { "511700", "达州市" }, { "511800", "雅安市" },
                { "511900", "巴中市" }, { "512000", "资阳市" }, { "513200", "阿坝藏族羌族自治州" },
                { "513300", "甘孜藏族自治州" }, { "513400", "凉山彝族自治州" } };
        for (String[] row : rows) {
            SICHUAN_PREFECTURES.put(row[1], row[0]);
        }
    }

    private Gazetteer() {
    }
}
