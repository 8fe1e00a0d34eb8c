package org.cppcc.archive.document.rest;

import static io.restassured.RestAssured.given;
import static org.cppcc.archive.document.support.KeycloakTokens.admin;
import static org.cppcc.archive.document.support.KeycloakTokens.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
    void dryRunReturnsTheParsedCompilationAndStoresNothing() throws IOException {
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(seed())
                .queryParam("dryRun", true).post(IMPORT)
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("existingCompilationId", nullValue())
                .body("speeches", hasSize(12))
                .body("speeches[0].id", nullValue())
                .body("speeches[0].sections[0].paragraphs[0].id", equalTo("p-1"));
        assertEquals(0, db.count("compilation"));
        assertEquals(0, db.count("speech"));
        assertEquals(0, db.count("change_event"));
    }

    @Test
    void aMalformedCompilationIsRefusedWithItsLineAndNothingIsStored() throws IOException {
        // The seed with its cover removed halfway: structurally broken after many valid lines.
        String broken = new String(seed(), StandardCharsets.UTF_8).replace("全省政协工作经验交流会发言材料汇编", "")
                .replace("(2021年9月28日)", "");
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body(broken).post(IMPORT)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", matchesPattern("line \\d+: .+"))
                .body("line", notNullValue());
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8").body("这不是汇编\n只有两行").post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", matchesPattern("line \\d+: .+"));
        assertEquals(0, db.count("compilation"));
        assertEquals(0, db.count("speech"));
        assertEquals(0, db.count("change_event"));
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

    @Test
    void aDocxFileIsTurnedIntoTextByTikaAndParsedTheSameWay() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : new String(seed(), StandardCharsets.UTF_8).split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(docx);
        }
        given().auth().oauth2(admin()).multiPart("file", "汇编.docx", docx.toByteArray(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .queryParam("dryRun", "true").post(IMPORT)
                .then().statusCode(200)
                .body("speeches", hasSize(12))
                .body("speeches[0].committee", equalTo("政协成都市委员会"))
                .body("speeches[7].bodyAvailable", equalTo(false));
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
