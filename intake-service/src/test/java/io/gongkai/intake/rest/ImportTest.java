package io.gongkai.intake.rest;

import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /api/v1/imports: a published report read into a draft, and stored through the submission path. */
@QuarkusTest
class ImportTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String TEXT = "text/plain; charset=UTF-8";

    /** The 三营镇 report with its title's year changed, so that this test owns the unit's year. */
    private static String sanying(int year) throws IOException {
        try (InputStream in = ImportTest.class.getResourceAsStream("/imports/sanying-township-2023.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("原州区三营镇 2023年政府信息公开工作年度报告", "原州区三营镇 " + year + "年政府信息公开工作年度报告");
        }
    }

    @Test
    void aDraftNamesTheUnitAndYearFromTheTitleAndStoresNothing() throws IOException {
        JsonPath draft = Api.submitter().contentType(TEXT).body(sanying(2021)).when().post(IMPORTS)
                .then().statusCode(200).extract().jsonPath();

        assertThat(draft.getString("unit.code")).isEqualTo("640402100");
        assertThat(draft.getInt("year")).isEqualTo(2021);
        assertThat(draft.getInt("submission.activeDisclosure.licensing.decisions")).isEqualTo(179);
        assertThat(draft.getString("submission.reviewLitigation.review.total")).isNull();
        assertThat(draft.getList("findings.pointers.flatten()", String.class)).contains("/reviewLitigation/review/total");
        assertThat(draft.getString("document.kind")).isEqualTo("TEXT");
        Api.auditor().when().get("/api/v1/submissions/640402100/2021").then().statusCode(404);
    }

    @Test
    void storingADraftWithBlankCellsIsRefusedWithItsFindingsAndStoresNothing() throws IOException {
        Api.submitter().contentType(TEXT).body(sanying(2021)).queryParam("store", true).when().post(IMPORTS)
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("/problems/import-incomplete"))
                .body("violations.pointers.flatten()", hasItem("/reviewLitigation/review/upheld"));
        Api.auditor().when().get("/api/v1/submissions/640402100/2021").then().statusCode(404);
    }

    @Test
    void cellsConfirmedZeroAreStoredAsAnImportedVersionThatKeepsItsDocument() throws IOException {
        byte[] gbk = sanying(2019 + 6).getBytes(Charset.forName("GB18030"));
        Response stored = Api.submitter().contentType("text/plain; charset=GBK").body(gbk)
                .queryParam("store", true).queryParam("assumeZero", "/reviewLitigation/review")
                .when().post(IMPORTS).then().statusCode(201)
                .header("Location", containsString("/api/v1/submissions/640402100/2025/versions/1")).extract().response();
        assertThat(stored.jsonPath().getList("warnings.rule", String.class)).contains("IMPORT.ASSUMED_ZERO");

        JsonPath version = Api.auditor().when().get("/api/v1/submissions/640402100/2025/versions/1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(version.getString("origin")).isEqualTo("IMPORT");
        assertThat(version.getInt("submission.reviewLitigation.review.total")).isZero();
        assertThat(version.getInt("submission.activeDisclosure.licensing.decisions")).isEqualTo(179);
        assertThat(version.getList("warnings.findAll { it.rule == 'IMPORT.ASSUMED_ZERO' }.pointers.flatten()", String.class))
                .containsExactly("/reviewLitigation/review/upheld", "/reviewLitigation/review/corrected",
                        "/reviewLitigation/review/other", "/reviewLitigation/review/pending", "/reviewLitigation/review/total");

        Response document = Api.auditor().when().get("/api/v1/submissions/640402100/2025/versions/1/document")
                .then().statusCode(200).header("Content-Security-Policy", "sandbox")
                .header("Content-Disposition", containsString("attachment")).extract().response();
        assertThat(document.contentType()).startsWith("text/plain").contains("GB18030");
        assertThat(document.asByteArray()).isEqualTo(gbk);
        Api.submitter().when().get("/api/v1/submissions/640402100/2025/versions/1/document").then().statusCode(403);

        // The same document again is a replay of that version.
        Api.submitter().contentType("text/plain; charset=GBK").body(gbk).queryParam("store", true)
                .queryParam("assumeZero", "/reviewLitigation/review").when().post(IMPORTS)
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aVersionSubmittedAsJsonHasNoDocument() {
        Api.submitter().contentType("application/json").body(io.gongkai.intake.Reports.text(
                io.gongkai.intake.Reports.busy("640402205", "原州区寨科乡", 2022))).when().post("/api/v1/submissions")
                .then().statusCode(201);
        Api.auditor().when().get("/api/v1/submissions/640402205/2022/versions/1").then().statusCode(200)
                .body("origin", equalTo("API"));
        Api.auditor().when().get("/api/v1/submissions/640402205/2022/versions/1/document").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void whoMayImportFollowsTheRolesAndTheScope() throws IOException {
        String page = sanying(2021);
        Api.reader().contentType(TEXT).body(page).when().post(IMPORTS).then().statusCode(403);
        Api.auditor().contentType(TEXT).body(page).when().post(IMPORTS).then().statusCode(200);
        Api.auditor().contentType(TEXT).body(page).queryParam("store", true).when().post(IMPORTS).then().statusCode(403);
        Api.submitter("65").contentType(TEXT).body(page).when().post(IMPORTS).then().statusCode(403)
                .body("type", equalTo("/problems/outside-scope"));
        Api.as(Api.token(Set.of(Roles.SUBMITTER), 64)).contentType(TEXT).body(page).when().post(IMPORTS)
                .then().statusCode(403).body("type", equalTo("/problems/invalid-token-claims"));
        Api.submitter("65").contentType(TEXT).body(page).queryParam("store", true)
                .queryParam("assumeZero", "/reviewLitigation/review").when().post(IMPORTS).then().statusCode(403);
    }

    @Test
    void whatIsNoPublishedReportGetsAProblemAndNothingIsStored() throws IOException {
        refused(Api.submitter().contentType(TEXT).body(""), 400, "not-a-report");
        refused(Api.submitter().contentType(TEXT).body("   \n\t "), 400, "not-a-report");
        refused(Api.submitter().contentType(TEXT).body("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)),
                400, "not-a-report");
        refused(Api.submitter().contentType(TEXT).body(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0}), 400, "not-a-report");
        refused(Api.submitter().contentType("text/plain; charset=UTF-8").body(new byte[] {(byte) 0xC0, (byte) 0xAF, 'a'}),
                400, "undecodable-document");
        refused(Api.submitter().contentType("text/plain; charset=no-such-charset").body("报告".getBytes(StandardCharsets.UTF_8)), 415, null);
        Api.submitter().contentType("application/json").body("{}").when().post(IMPORTS).then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE);
        byte[] huge = new byte[3 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        Api.submitter().contentType(TEXT).body(huge).when().post(IMPORTS).then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE);
        String page = sanying(2021);
        for (List<String> bad : List.of(List.of("year", "20x1"), List.of("year", "1999"), List.of("store", "yes"),
                List.of("unitCode", "640402100;DROP"), List.of("parentCode", "abc"), List.of("assumeZero", "/nothing/here"),
                List.of("assumeZero", "reviewLitigation"))) {
            Api.submitter().contentType(TEXT).body(page).queryParam(bad.get(0), bad.get(1)).queryParam("store", true)
                    .when().post(IMPORTS).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString(bad.get(0)));
        }
        Api.auditor().when().get("/api/v1/submissions/640402100/2021").then().statusCode(404);
    }

    private static void refused(io.restassured.specification.RequestSpecification request, int status, String type) {
        var answer = request.when().post(IMPORTS).then().statusCode(status).contentType(Problem.MEDIA_TYPE);
        if (type != null) {
            answer.body("type", equalTo("/problems/" + type));
        }
    }
}
