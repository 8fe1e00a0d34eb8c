package org.cppcc.archive.document.rest;

import static io.restassured.RestAssured.given;
import static org.cppcc.archive.document.support.KeycloakTokens.admin;
import static org.cppcc.archive.document.support.KeycloakTokens.reader;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.cppcc.archive.document.support.DocxFixture;
import org.cppcc.archive.document.support.PdfFixture;
import org.cppcc.archive.document.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** POST /api/v1/compilations/import: the seed through the API, dry run, idempotency, atomicity, file uploads. */
@QuarkusTest
class CompilationImportResourceTest {

    static final String IMPORT = "/api/v1/compilations/import";

    @Inject
    TestDatabase db;

    @BeforeEach
    void clean() {
        db.clean();
    }

    static byte[] seed() throws IOException {
        try (InputStream in = CompilationImportResourceTest.class
                .getResourceAsStream("/seed/sichuan-cppcc-exchange-2021-09-28.txt")) {
            return in.readAllBytes();
        }
    }

    static String resource(String path) throws IOException {
        try (InputStream in = CompilationImportResourceTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Response importSeed() throws IOException {
        return given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(seed()).post(IMPORT);
    }

    @Test
    void importingTheSeedStoresTwelveSpeechesWithRegionsBodiesAndTruncation() throws IOException {
        Response created = importSeed();
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/compilations/\\d+"))
                .body("title", equalTo("推动新时代人民政协工作不断走深走实"))
                .body("date", equalTo("2021-09-28"))
                .body("importedBy", equalTo("ops"))
                .body("speeches", hasSize(12))
                .body("speeches[0].order", equalTo(1))
                .body("speeches[0].committee", equalTo("政协成都市委员会"))
                .body("speeches[0].region", equalTo("成都市"))
                .body("speeches[0].regionCode", equalTo("510100"))
                .body("speeches[0].level", equalTo("prefecture-city"))
                .body("speeches[0].bodyAvailable", equalTo(true))
                .body("speeches[5].truncated", equalTo(true))
                .body("speeches[7].order", equalTo(8))
                .body("speeches[7].bodyAvailable", equalTo(false));
        int compilationId = created.path("id");
        int first = created.path("speeches[0].id");

        given().auth().oauth2(reader()).get("/api/v1/compilations/" + compilationId)
                .then().statusCode(200).body("speeches", hasSize(12));
        given().auth().oauth2(reader()).get("/api/v1/speeches/" + first)
                .then().statusCode(200)
                .body("sections[0].ordinal", equalTo(1))
                .body("sections[0].heading", notNullValue())
                .body("sections[0].paragraphs[0].id", equalTo("p-1"))
                .body("outline[0]", equalTo("一、强引领"));
        given().auth().oauth2(reader()).queryParam("compilationId", compilationId).queryParam("bodyAvailable", false)
                .get("/api/v1/speeches").then().statusCode(200).body("total", equalTo(6));
        given().auth().oauth2(reader()).get("/api/v1/compilations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].speechCount", equalTo(12));
        assertEquals(12, db.count("change_event"));
        assertEquals(12, db.count("audit_entry"));
    }

    @Test
    void reimportingTheSameContentReturnsTheExistingCompilationAndDuplicatesNothing() throws IOException {
        int id = importSeed().then().statusCode(201).extract().path("id");
        long changes = db.count("change_event");
        importSeed().then().statusCode(200).body("id", equalTo(id)).body("speeches", hasSize(12));
        assertEquals(1, db.count("compilation"));
        assertEquals(12, db.count("speech"));
        assertEquals(changes, db.count("change_event"));
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(seed())
                .queryParam("dryRun", true).post(IMPORT)
                .then().statusCode(200).body("existingCompilationId", equalTo(id));
    }

    @Test
    void twoConcurrentImportsOfTheSameContentCreateOneCompilation() throws Exception {
        String token = admin();
        byte[] seed = seed();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType("text/plain; charset=utf-8").body(seed)
                            .post(IMPORT).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            Collections.sort(statuses);
            assertEquals(List.of(200, 200, 201), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, db.count("compilation"));
        assertEquals(12, db.count("speech"));
        assertEquals(12, db.count("change_event"));
    }

    @Test
    void dryRunReturnsTheParsedCompilationWithItsParseReportAndStoresNothing() throws IOException {
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(seed())
                .queryParam("dryRun", true).post(IMPORT)
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("existingCompilationId", nullValue())
                .body("speeches", hasSize(12))
                .body("speeches[0].id", nullValue())
                .body("speeches[0].sections[0].paragraphs[0].id", equalTo("p-1"))
                .body("coverage", both(greaterThan(0.9f)).and(lessThanOrEqualTo(1.0f)))
                .body("warnings", notNullValue())
                .body("unplaced", notNullValue());
        assertEquals(0, db.count("compilation"));
        assertEquals(0, db.count("speech"));
        assertEquals(0, db.count("change_event"));
    }

    @Test
    void theImportAnswerAndTheStoredCompilationCarryTheParseReportOfTheDryRun() throws IOException {
        Map<String, Object> preview = given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8")
                .body(seed()).queryParam("dryRun", true).post(IMPORT).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Response created = importSeed();
        created.then().statusCode(201);
        Map<String, Object> imported = created.jsonPath().getMap("");
        for (String field : List.of("coverage", "warnings", "unplaced", "province", "provinceCode")) {
            assertEquals(preview.get(field), imported.get(field), field);
        }
        int id = created.path("id");
        Map<String, Object> stored = given().auth().oauth2(reader()).get("/api/v1/compilations/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
        for (String field : List.of("coverage", "warnings", "unplaced", "provinceCode")) {
            assertEquals(preview.get(field), stored.get(field), field);
        }
        given().auth().oauth2(reader()).get("/api/v1/compilations").then().statusCode(200)
                .body("items[0].coverage", equalTo(preview.get("coverage")))
                .body("items[0].warningCount", equalTo(((List<?>) preview.get("warnings")).size()));
        importSeed().then().statusCode(200).body("coverage", equalTo(preview.get("coverage")));
    }

    @Test
    void strictMustBeABooleanAndTextWithNothingSpeechLikeIsRefusedWithItsLineEitherWay() {
        for (String strict : List.of("false", "true")) {
            given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body("这不是汇编\n只有两行")
                    .queryParam("strict", strict).post(IMPORT)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", matchesPattern("line \\d+: .+")).body("line", notNullValue());
        }
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body("任意")
                .queryParam("strict", "yes").post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("strict must be true or false."));
        assertEquals(0, db.count("compilation"));
    }

    /** dryRun guards a write: sent but empty, it is refused, not read as absent (which would import). */
    @Test
    void anEmptyDryRunIsRefusedAndStoresNothing() throws IOException {
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(seed())
                .queryParam("dryRun", "").post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("dryRun must be true or false."));
        assertEquals(0, db.count("compilation"));
    }

    /** A stray line between the cover and the first speech is text of no speech: warned about leniently, refused strictly. */
    @Test
    void strictRefusesWithItsLineWhatALenientImportOnlyWarnsAbout() throws IOException {
        String text = resource("/compilations/no-bookmarks-fullwidth.txt")
                .replace("（2022年3月1日）\n", "（2022年3月1日）\n本汇编由市政协办公室编印\n");
        Response lenient = given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(text)
                .queryParam("dryRun", true).post(IMPORT);
        lenient.then().statusCode(200)
                .body("speeches", hasSize(3))
                .body("warnings.line", contains(12))
                .body("warnings[0].message", containsString("本汇编由市政协办公室编印"))
                .body("unplaced", contains(Map.of("fromLine", 12, "toLine", 12, "text", "本汇编由市政协办公室编印")))
                .body("coverage", lessThan(1.0f));
        for (String dryRun : List.of("true", "false")) {
            given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(text)
                    .queryParam("dryRun", dryRun).queryParam("strict", true).post(IMPORT)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("line", equalTo(12)).body("detail", startsWith("line 12: '本汇编由市政协办公室编印'"));
        }
        assertEquals(0, db.count("compilation"));
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(text).post(IMPORT)
                .then().statusCode(201).body("warnings", equalTo(lenient.jsonPath().getList("warnings")));
    }

    @Test
    void aMalformedCompilationIsRefusedWithItsLineAndNothingIsStored() throws IOException {
        // The seed with a section out of sequence: structurally broken after many valid lines (strict refuses it).
        String broken = new String(seed(), StandardCharsets.UTF_8).replace("二、夯基础,筑牢履职保障", "三、夯基础,筑牢履职保障");
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(broken)
                .queryParam("strict", true).post(IMPORT)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", matchesPattern("line \\d+: .+"))
                .body("line", notNullValue());
        assertEquals(0, db.count("compilation"));
        assertEquals(0, db.count("speech"));
        assertEquals(0, db.count("change_event"));
    }

    @Test
    void textWithNothingSpeechLikeIsRefusedWithItsLineAndNothingIsStored() {
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body("这不是汇编\n只有两行").post(IMPORT)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", matchesPattern("line \\d+: .+"))
                .body("line", notNullValue());
        assertEquals(0, db.count("compilation"));
        assertEquals(0, db.count("speech"));
        assertEquals(0, db.count("change_event"));
    }

    /** The seed without its cover: the speeches are all there, the compilation has no title to show. */
    @Test
    void aCompilationWithoutACoverTitleIsStoredWithoutOne() throws IOException {
        String coverless = new String(seed(), StandardCharsets.UTF_8).replace("推动新时代人民政协工作不断走深走实\n", "")
                .replace("全省政协工作经验交流会发言材料汇编\n", "").replace("(2021年9月28日)\n", "");
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(coverless)
                .queryParam("dryRun", true).post(IMPORT)
                .then().statusCode(200).body("title", nullValue()).body("speeches", hasSize(12));
        Response created = given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(coverless)
                .post(IMPORT);
        created.then().statusCode(201).body("title", nullValue()).body("date", nullValue())
                .body("speeches", hasSize(12)).body("speeches[0].committee", equalTo("政协成都市委员会"));
        given().auth().oauth2(reader()).get("/api/v1/compilations/" + created.path("id")).then().statusCode(200)
                .body("title", nullValue()).body("speeches", hasSize(12));
    }

    /** A compilation with a preface and speech headers that carry a subtitle and a date line. */
    static final String HEADERS = """
            汇聚智慧力量
            全市政协工作推进会发言材料
            (2022年11月10日)
            前言
            　　为交流各县（市、区）政协工作经验，现将推进会发言材料汇编印发。
            　　各地可结合实际参考借鉴。
            做好“茶”文章助力乡村振兴
            ——在全市政协工作推进会上的发言
            政协湄潭县委员会主席 杨光明
            （2022年11月10日）
            　　湄潭是全国重点产茶县。县政协围绕茶产业高质量发展，持续开展调研协商和民主监督。
            　　一、聚焦产业链协商建言。围绕茶叶品牌建设、精深加工等开展专题协商5次。
            守护赤水河生态屏障
            ——在全市政协工作推进会上的书面发言
            政协赤水市委员会主席 周德勇
            （2022年11月）
            　　赤水市政协把赤水河流域生态保护作为履职重点。
            """;

    @Test
    void thePrefaceAndEachSpeechsSubtitleAndDateSurviveTheImport() {
        List<String> preface = List.of("为交流各县（市、区）政协工作经验，现将推进会发言材料汇编印发。", "各地可结合实际参考借鉴。");
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(HEADERS)
                .queryParam("dryRun", true).post(IMPORT)
                .then().statusCode(200)
                .body("preface", equalTo(preface))
                .body("speeches.subtitle", contains("——在全市政协工作推进会上的发言", "——在全市政协工作推进会上的书面发言"))
                .body("speeches.date", contains("2022-11-10", "2022-11-01"))
                .body("warnings", hasSize(0));
        long head = db.feedHead();
        Response created = given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(HEADERS)
                .post(IMPORT);
        created.then().statusCode(201).body("preface", equalTo(preface));
        int id = created.path("id");
        int first = created.path("speeches[0].id");
        given().auth().oauth2(reader()).get("/api/v1/compilations/" + id).then().statusCode(200)
                .body("title", equalTo("汇聚智慧力量"))
                .body("preface", equalTo(preface))
                .body("speeches.subtitle", contains("——在全市政协工作推进会上的发言", "——在全市政协工作推进会上的书面发言"))
                .body("speeches.date", contains("2022-11-10", "2022-11-01"));
        given().auth().oauth2(reader()).get("/api/v1/speeches/" + first).then().statusCode(200)
                .body("title", equalTo("做好“茶”文章助力乡村振兴"))
                .body("subtitle", equalTo("——在全市政协工作推进会上的发言"))
                .body("date", equalTo("2022-11-10"))
                .body("speakerName", equalTo("杨光明"));
        given().auth().oauth2(reader()).queryParam("after", head).get("/api/v1/changes").then().statusCode(200)
                .body("items.speech.subtitle", contains("——在全市政协工作推进会上的发言", "——在全市政协工作推进会上的书面发言"))
                .body("items.speech.date", contains("2022-11-10", "2022-11-01"));
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] gbk = "政协成都市委员会".getBytes(java.nio.charset.Charset.forName("GBK"));
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(gbk).post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void aTxtFileCanBeUploadedAsMultipart() throws IOException {
        given().auth().oauth2(admin()).multiPart("file", "seed.txt", seed(), "text/plain").post(IMPORT)
                .then().statusCode(201).body("speeches", hasSize(12));
        given().auth().oauth2(admin()).multiPart("file", "seed.exe", seed(), "application/octet-stream")
                .post(IMPORT).then().statusCode(415).contentType("application/problem+json");
    }

    /** no-bookmarks-fullwidth.txt as a Word author would have written it: no wraps, section headings styled. */
    static final String DOCX = """
            目　录
            1．政协成都市锦江区委员会：
            深化“小微协商”推动基层治理提质增效··························1
            2．政协凉山州委员会：
            凝聚共识促进民族团结……………………………5
            推动基层协商民主建设
            全市政协工作交流会发言汇编
            （2022年3月1日）
            深化“小微协商”推动基层治理提质增效
            政协成都市锦江区委员会：
            锦江区政协立足基层治理实际，持续深化“小微协商”。
            [H2] 一、健全工作机制
            围绕群众急难愁盼问题，每年征集议题30余个，经审议后形成年度协商清单。
            [H2] 二、拓展协商载体
            在街道、社区建成协商议事室24个，实现全覆盖。
            凝聚共识促进民族团结
            政协凉山州委员会：
            [H2] 一、搭建平台
            建成民族团结协商议事平台18个。""";

    @Test
    void aDocxIsReadParagraphByParagraphWithItsHeadingStyles() {
        given().auth().oauth2(admin()).multiPart("file", "汇编.docx", DocxFixture.fromMarkup(DOCX),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .queryParam("dryRun", "true").post(IMPORT)
                .then().statusCode(200)
                .body("title", equalTo("推动基层协商民主建设"))
                .body("speeches.committee", contains("政协成都市锦江区委员会", "政协凉山州委员会"))
                .body("speeches[0].title", equalTo("深化“小微协商”推动基层治理提质增效"))
                .body("speeches[0].lead", contains("锦江区政协立足基层治理实际，持续深化“小微协商”。"))
                .body("speeches[0].sections.heading", contains("健全工作机制", "拓展协商载体"))
                .body("speeches[0].sections[0].paragraphs.text",
                        contains("围绕群众急难愁盼问题，每年征集议题30余个，经审议后形成年度协商清单。"))
                .body("speeches[1].region", equalTo("凉山彝族自治州"))
                .body("speeches[1].sections[0].paragraphs.text", contains("建成民族团结协商议事平台18个。"));
    }

    @Test
    void aPdfIsReadAsItsTextDump() throws IOException {
        byte[] pdf = PdfFixture.fromMarkup(resource("/compilations/no-bookmarks-fullwidth.txt").strip());
        Response created = given().auth().oauth2(admin()).multiPart("file", "汇编.pdf", pdf, "application/pdf")
                .post(IMPORT);
        created.then().statusCode(201)
                .body("speeches.committee", contains("政协成都市锦江区委员会", "政协凉山州委员会", "政协乐山市市中区委员会"));
        given().auth().oauth2(reader()).get("/api/v1/speeches/" + created.path("speeches[0].id")).then()
                .body("sections[1].paragraphs[0].text", equalTo("在街道、社区建成协商议事室24个，实现全覆盖。"));
    }

    @Test
    void damagedFilesAre400AndOtherTypes415() {
        byte[] junk = "这不是文档".getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("汇编.docx", "汇编.pdf")) {
            given().auth().oauth2(admin()).multiPart("file", name, junk, "application/octet-stream").post(IMPORT)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("cannot be read as a document"));
        }
        given().auth().oauth2(admin()).multiPart("file", "汇编.doc", junk, "application/msword").post(IMPORT)
                .then().statusCode(415).contentType("application/problem+json");
        assertEquals(0, db.count("compilation"));
    }

    @Test
    void importNeedsTheAdminRole() throws IOException {
        given().auth().oauth2(reader()).contentType("text/plain; charset=utf-8").body(seed()).post(IMPORT)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("text/plain; charset=utf-8").body(seed()).post(IMPORT)
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(0, db.count("compilation"));
    }

    @Test
    void aMissingCompilationIs404() {
        given().auth().oauth2(reader()).get("/api/v1/compilations/999999")
                .then().statusCode(404).contentType("application/problem+json")
                .body("instance", endsWith("/999999"));
    }
}
