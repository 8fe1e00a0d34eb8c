package org.cppcc.archive.stats.rest;

import java.util.List;
import java.util.Map;

import org.cppcc.archive.contract.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Constants for the OpenAPI annotations: examples from the seed compilation (四川省政协 2021-09-28). */
final class ApiDocs {

    static final String JSON = "application/json";
    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final String CSV = Csv.MEDIA_TYPE;

    static final String SPEAKER_KIND = "only speeches given by this kind of speaker (facts of speeches stored "
            + "without a kind count as a committee's)";

    static final String FACT = """
            {"id": "4-2-1-0", "speechId": 4, "region": "内江市", "regionCode": "511000", \
            "committee": "政协内江市委员会", "speakerKind": "committee", "speakerName": null, "sectionIndex": 1, \
            "paragraphIndex": 0, "value": 46, "approx": false, "unit": "个", "subject": "镇级协商平台", \
            "category": "platform", "tier": "township", "text": "镇级协商平台46个", \
            "sentence": "到今年8月底,全市陆续建成镇级协商平台46个、村级平台23个,初步形成覆盖全市的四级协商平台网络", \
            "start": 12, "end": 21, "status": "extracted"}""";

    static final String OVERVIEW = """
            {"compilations": 1, "speeches": {"total": 12, "withBody": 6, "outlineOnly": 6, "truncated": 1}, \
            "committeesByLevel": {"prefecture-city": 7, "autonomous-prefecture": 1, "district": 2, \
            "county-level-city": 1, "county": 1}, "characters": 18000, "factsByCategory": {"platform": 9}, \
            "speechesBySpeakerKind": {"committee": 12, "party": 0, "federation": 0, "sector": 0, \
            "special-committee": 0, "member": 0}, "factsBySpeakerKind": {"committee": 80, "party": 0, \
            "federation": 0, "sector": 0, "special-committee": 0, "member": 0}, "facts": 80}""";

    static final String PLATFORMS = "{\"regions\": [{\"region\": \"内江市\", \"regionCode\": \"511000\", "
            + "\"speakerKind\": \"committee\", \"tiers\": {\"township\": 46, \"village\": 23}, \"facts\": [" + FACT
            + "]}], \"totals\": {\"township\": 46, \"village\": 23, \"all\": 69, \"bySpeakerKind\": {\"committee\": 69}}}";

    static final String PLATFORMS_CSV = """
            region,regionCode,tier,platforms,speakerKind
            内江市,511000,township,46,committee
            内江市,511000,village,23,committee
            """;

    static final String MEMBERS = """
            {"regions": [{"region": "内江市", "regionCode": "511000", "speakerKind": "committee", "members": 1788, \
            "coverage": 1.0, "assignedTo": "10个工作组", "basis": null, "facts": []}], \
            "totals": {"members": 1788, "regions": 1, "bySpeakerKind": {"committee": 1788}}}""";

    static final String COVERAGE = """
            {"gazetteer": "GB/T 2260 divisions", "provinces": [{"province": "四川省", "provinceCode": "510000", \
            "level": "province", "prefectureLevel": {"divisions": 21, "represented": 12, "withBody": 6, \
            "coverage": 0.5714}, "countyLevel": {"divisions": 183, "represented": 4, "withBody": 0, "coverage": 0.0219}, \
            "prefectures": [{"region": "成都市", "regionCode": "510100", "level": "prefecture-city", "represented": true, \
            "withBody": true, "committees": [{"speechId": 1, "committee": "政协成都市委员会", "speakerKind": "committee", \
            "region": "成都市", "regionCode": "510100", "level": "prefecture-city", \
            "content": "body"}]}], "direct": []}], "totals": {"provinces": 1, "prefectureLevel": {"divisions": 21, \
            "represented": 12, "withBody": 6, "coverage": 0.5714}, "countyLevel": {"divisions": 183, "represented": 4, \
            "withBody": 0, "coverage": 0.0219}}, "committeesByLevel": {"prefecture-city": 7}, \
            "speakersByKind": {"committee": 12}, "outsideGazetteer": []}""";

    static final String COVERAGE_CSV = """
            province,provinceCode,region,regionCode,level,represented,withBody,committees
            四川省,510000,成都市,510100,prefecture-city,true,true,政协成都市委员会 (body)
            四川省,510000,自贡市,510300,prefecture-city,true,false,政协自贡市自流井区委员会 (outline)
            """;

    static final String FACTS = "{\"items\": [" + FACT + "], \"total\": 1, \"page\": 0, \"size\": 20}";

    static final String TOPICS = """
            {"terms": [{"term": "有事来协商", "mentions": 9, "speeches": [{"speechId": 4, "region": "内江市", \
            "speakerKind": "committee", "mentions": 3}], "regions": {"内江市": 3}, "speakerKinds": {"committee": 9}}]}""";

    static final String CURATION = """
            {"action": "correct", "value": 46, "unit": "个", "subject": "镇级协商平台", "tier": "township", \
            "note": "核对原文:到今年8月底建成镇级协商平台46个"}""";

    static final String STATUS = """
            {"service": "stats-service", "facts": 80, "speeches": 12, "feedCursor": 12, "feedHead": 12, \
            "lagChanges": 0, "lagSeconds": 0, "caughtUp": true, "feedRunning": true, "feedError": null, \
            "lastAppliedAt": "2026-11-25T08:00:00Z"}""";

    static final String PROBLEM_400 = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, \
            "detail": "terms is required: a comma-separated list, e.g. terms=有事来协商,双助.", \
            "instance": "/api/v1/stats/topics", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_401 = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401, \
            "detail": "A valid bearer token issued by the speech-archive realm is required.", \
            "instance": "/api/v1/stats/platforms", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_403 = """
            {"type": "about:blank", "title": "Forbidden", "status": 403, \
            "detail": "The token does not carry the role this operation needs.", \
            "instance": "/api/v1/stats/platforms", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_404 = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "No fact abc.", \
            "instance": "/api/v1/stats/facts/abc", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";

    /** Documentation only: the shape of the facts page. */
    @Schema(name = "FactPage", description = "One page of facts; page is 0-based, total counts all matches")
    static final class FactPage {
        public List<Map<String, Object>> items;
        public long total;
        public int page;
        public int size;
    }

    private ApiDocs() {
    }
}
