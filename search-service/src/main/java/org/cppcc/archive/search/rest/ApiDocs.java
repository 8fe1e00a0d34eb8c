package org.cppcc.archive.search.rest;

import org.cppcc.archive.contract.Problem;

/** Constants for the OpenAPI annotations: examples from the seed compilation (四川省政协 2021-09-28). */
final class ApiDocs {

    static final String JSON = "application/json";
    static final String PROBLEM = Problem.MEDIA_TYPE;

    static final String HIT = """
            {"speechId": 1, "order": 1, "title": "夯实履职基础提升履职质效", "committee": "政协成都市委员会", \
            "region": "成都市", "score": 7.42, "highlights": [{"field": "heading", "sectionIndex": 1, \
            "fragment": "<em>强引领</em>,把准履职方向"}]}""";

    static final String SEARCH = "{\"total\": 1, \"took\": 3, \"hits\": [" + HIT + "], "
            + "\"facets\": {\"region\": {\"成都市\": 1}, \"level\": {\"prefecture-city\": 1}, \"speakerKind\": {\"committee\": 1}}}";

    static final String SUGGEST = """
            {"q": "有事", "suggestions": [{"text": "有事来协商", "kind": "term"}, \
            {"text": "让“有事来协商”有用好用管用", "kind": "title"}]}""";

    static final String SIMILAR = "{\"speechId\": 1, \"hits\": [" + HIT + "]}";

    static final String STATUS = """
            {"service": "search-service", "indexedSpeeches": 12, "feedCursor": 12, "feedHead": 12, "lagChanges": 0, \
            "lagSeconds": 0, "caughtUp": true, "feedRunning": true, \
            "lastAppliedAt": "2026-11-25T08:00:00Z", "rebuilding": false}""";

    static final String REBUILD = """
            {"state": "started", "detail": "Replaying the change feed into a fresh index; searches are answered \
            from the current one until it is swapped in."}""";

    static final String PROBLEM_400 = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, \
            "detail": "Parameter dateFrom must be a date like 2021-09-28.", "instance": "/api/v1/search", \
            "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_401 = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401, \
            "detail": "A valid bearer token issued by the speech-archive realm is required.", \
            "instance": "/api/v1/search", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_403 = """
            {"type": "about:blank", "title": "Forbidden", "status": 403, \
            "detail": "The token does not carry the role this operation needs.", \
            "instance": "/api/v1/search/index/rebuild", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_404 = """
            {"type": "about:blank", "title": "Not Found", "status": 404, \
            "detail": "Speech 999999 is not in the search index.", "instance": "/api/v1/search/similar/999999", \
            "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";

    private ApiDocs() {
    }
}
