package org.cppcc.archive.document.rest;

import java.util.List;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.document.api.CompilationSummary;
import org.cppcc.archive.document.api.SpeechItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Constants for the OpenAPI annotations of the resources: roles named in descriptions and examples taken from the
 * seed compilation (四川省政协 2021-09-28).
 */
final class ApiDocs {

    static final String JSON = "application/json";
    static final String PROBLEM = Problem.MEDIA_TYPE;

    static final String SPEECH_ITEM = """
            {"id": 1, "order": 1, "committee": "政协成都市委员会", "speakerKind": "committee", \
            "region": "成都市", "regionCode": "510100", \
            "level": "prefecture-city", "parentRegion": "四川省", "title": "夯实履职基础提升履职质效", "tocPage": 1, \
            "bodyAvailable": true, "truncated": false, "compilationId": 1, "version": 1}""";

    static final String SPEECH_PAGE = "{\"items\": [" + SPEECH_ITEM + "], \"page\": 0, \"size\": 20, \"total\": 12}";

    static final String SPEECH_DETAIL = """
            {"id": 1, "order": 1, "committee": "政协成都市委员会", "speakerKind": "committee", \
            "region": "成都市", "regionCode": "510100", \
            "level": "prefecture-city", "parentRegion": "四川省", "title": "夯实履职基础提升履职质效", "tocPage": 1, \
            "bodyAvailable": true, "truncated": false, "compilationId": 1, "version": 1, \
            "lead": ["近年来,成都市政协认真贯彻习近平总书记关于加强和改进人民政协工作的重要思想……"], \
            "sections": [{"ordinal": 1, "heading": "强引领,把准履职方向", "paragraphs": [{"id": "p-1", \
            "text": "在坚持党的领导中加强引领。深化党史学习教育……"}]}], "outline": [], \
            "createdAt": "2021-09-28T10:00:00+08:00", "createdBy": "import", \
            "updatedAt": "2021-09-28T10:00:00+08:00", "updatedBy": "import"}""";

    static final String SPEECH_PREVIEW = """
            {"order": 1, "committee": "政协成都市委员会", "speakerKind": "committee", \
            "region": "成都市", "regionCode": "510100", "level": "prefecture-city", "parentRegion": "四川省", \
            "title": "夯实履职基础提升履职质效", "tocPage": 1, "bodyAvailable": true, "truncated": false, \
            "version": 0, "lead": ["近年来,成都市政协认真贯彻……"], \
            "sections": [{"ordinal": 1, "heading": "强引领,把准履职方向", "paragraphs": [{"id": "p-1", \
            "text": "在坚持党的领导中加强引领。……"}]}], "outline": ["一、强引领"]}""";

    static final String SPEECH_INPUT = """
            {"compilationId": 1, "order": 13, "committee": "政协成都市委员会", "title": "夯实履职基础提升履职质效", \
            "subtitle": "——在全省政协工作经验交流会上的发言", "date": "2021-09-28", "tocPage": 1, \
            "bodyAvailable": true, "lead": ["近年来,成都市政协认真贯彻……"], \
            "sections": [{"ordinal": 1, "heading": "强引领,把准履职方向", \
            "paragraphs": ["在坚持党的领导中加强引领。深化党史学习教育……"]}]}""";

    static final String SPLIT_INPUT = """
            {"at": "p-9", "title": "发挥专门协商机构作用助推自贡高质量发展", "committee": "政协自贡市委员会"}""";

    static final String SPLIT_RESULT = """
            {"first": {"id": 2, "order": 2, "committee": "政协德阳市委员会", "title": "聚焦中心大局彰显政协担当", \
            "version": 2, "lead": ["……"], "sections": [{"ordinal": 1, "heading": "……", "paragraphs": [{"id": "p-1", \
            "text": "……"}]}], "outline": []}, \
            "second": {"id": 13, "order": 3, "committee": "政协自贡市委员会", "region": "自贡市", "regionCode": "510300", \
            "title": "发挥专门协商机构作用助推自贡高质量发展", "version": 1, "lead": [], \
            "sections": [{"ordinal": 1, "heading": "……", "paragraphs": [{"id": "p-1", "text": "……"}]}], "outline": []}}""";

    static final String MERGE_INPUT = """
            {"speechId": 13, "etag": "\\"13-v1\\""}""";

    static final String COMPILATION_SUMMARY = """
            {"id": 1, "title": "推动新时代人民政协工作不断走深走实", "subtitle": "全省政协工作经验交流会发言材料汇编", \
            "meeting": "全省政协工作经验交流会", "date": "2021-09-28", "province": "四川省", "provinceCode": "510000", \
            "sourceSha256": "9f2c…", "importedAt": "2026-11-25T08:00:00Z", "importedBy": "seed", \
            "coverage": 0.998, "warningCount": 1, "speechCount": 12}""";

    static final String COMPILATION_PAGE = "{\"items\": [" + COMPILATION_SUMMARY
            + "], \"page\": 0, \"size\": 20, \"total\": 1}";

    static final String PARSE_REPORT = """
            "coverage": 0.998, \
            "warnings": [{"line": 212, "message": "the body of speech 6 stops mid-sentence; marked truncated"}], \
            "unplaced": [{"fromLine": 96, "toLine": 96, "text": "内部资料 注意保存"}]""";

    static final String COMPILATION_DETAIL = """
            {"id": 1, "title": "推动新时代人民政协工作不断走深走实", "subtitle": "全省政协工作经验交流会发言材料汇编", \
            "meeting": "全省政协工作经验交流会", "date": "2021-09-28", "province": "四川省", "provinceCode": "510000", \
            "sourceSha256": "9f2c…", "importedAt": "2026-11-25T08:00:00Z", "importedBy": "seed", "preface": [], \
            """ + PARSE_REPORT + ", \"speeches\": [" + SPEECH_ITEM + "]}";

    static final String COMPILATION_PREVIEW = """
            {"dryRun": true, "title": "推动新时代人民政协工作不断走深走实", "subtitle": "全省政协工作经验交流会发言材料汇编", \
            "meeting": "全省政协工作经验交流会", "date": "2021-09-28", "province": "四川省", "provinceCode": "510000", \
            "sourceSha256": "9f2c…", "preface": [], "speeches": [""" + SPEECH_PREVIEW + "], "
            + PARSE_REPORT + "}";

    static final String IMPORT_TEXT = """
            推动新时代人民政协工作不断走深走实
            全省政协工作经验交流会发言材料汇编
            (2021年9月28日)
            夯实履职基础提升履职质效
            政协成都市委员会
            近年来,成都市政协认真贯彻……
            一、强引领,把准履职方向
            在坚持党的领导中加强引领。……""";

    static final String CHANGE_PAGE = """
            {"items": [{"cursor": 1, "type": "upsert", "speechId": 1, "version": 1, "speech": \
            """ + SPEECH_DETAIL + "}], \"next\": 1, \"head\": 12}";

    static final String AUDIT = """
            [{"id": 1, "speechId": 1, "action": "create", "version": 1, "actor": "import", \
            "at": "2021-09-28T10:00:00+08:00", "summary": "imported: 夯实履职基础提升履职质效"}]""";

    static final String PROBLEM_400 = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has 1 invalid value(s).", \
            "instance": "/api/v1/speeches", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11", \
            "violations": [{"field": "speech.title", "message": "must not be blank"}]}""";
    static final String PROBLEM_400_LINE = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, \
            "detail": "line 3: a line the parser does not understand: 内部资料 注意保存", \
            "instance": "/api/v1/compilations/import", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11", "line": 3}""";
    static final String PROBLEM_400_AT = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "Speech 2 has no paragraph p-99.", \
            "instance": "/api/v1/speeches/2/split", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11", \
            "violations": [{"field": "at", "message": "Speech 2 has no paragraph p-99."}]}""";
    static final String PROBLEM_400_MERGE = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, \
            "detail": "Speech 5 does not follow speech 2; the speech that does is 3.", \
            "instance": "/api/v1/speeches/2/merge", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11", \
            "violations": [{"field": "speechId", "message": "Speech 5 does not follow speech 2; the speech that does is 3."}]}""";
    static final String PROBLEM_401 = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401, \
            "detail": "A valid bearer token issued by the speech-archive realm is required.", \
            "instance": "/api/v1/speeches", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_403 = """
            {"type": "about:blank", "title": "Forbidden", "status": 403, \
            "detail": "The token does not carry the role this operation needs.", \
            "instance": "/api/v1/compilations/import", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_404 = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "No speech 999999.", \
            "instance": "/api/v1/speeches/999999", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_412 = """
            {"type": "about:blank", "title": "Precondition Failed", "status": 412, \
            "detail": "Speech 1 is at version 2, not 1.", \
            "instance": "/api/v1/speeches/1", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";
    static final String PROBLEM_428 = """
            {"type": "about:blank", "title": "Precondition Required", "status": 428, \
            "detail": "PUT needs an If-Match header with the speech's current ETag.", \
            "instance": "/api/v1/speeches/1", "requestId": "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11"}""";

    /** Documentation only: the shape of {@code PageResult<SpeechItem>}. */
    @Schema(name = "SpeechPage", description = "One page of speeches; page is 0-based, total counts all matches")
    static final class SpeechPage {
        public List<SpeechItem> items;
        public int page;
        public int size;
        public long total;
    }

    /** Documentation only: the shape of {@code PageResult<CompilationSummary>}. */
    @Schema(name = "CompilationPage", description = "One page of compilations; page is 0-based, total counts all")
    static final class CompilationPage {
        public List<CompilationSummary> items;
        public int page;
        public int size;
        public long total;
    }

    private ApiDocs() {
    }
}
