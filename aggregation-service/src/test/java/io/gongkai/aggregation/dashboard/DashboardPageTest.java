package io.gongkai.aggregation.dashboard;

import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.Tokens;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The dashboard's files and settings as served, without a browser (DashboardBrowserTest drives one). */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
class DashboardPageTest {

    @Test
    void thePageIsServedAtTheRootWithHeadersThatAllowOnlyItsOwnScripts() {
        Response page = given().when().get("/");

        page.then().statusCode(200).contentType(containsString("text/html")).body(containsString("政府信息公开"));
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(policy.replaceAll("style-src[^;]*;", "")).doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.asString()).doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    }

    @Test
    void theScriptsTheStylesheetAndEChartsAreServed() {
        for (String file : List.of("/dashboard/app.js", "/dashboard/api.js", "/dashboard/auth.js", "/dashboard/numbers.js",
                "/dashboard/charts.js", "/dashboard/views.js")) {
            given().when().get(file).then().statusCode(200).contentType(containsString("javascript"))
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().when().get("/dashboard/dashboard.css").then().statusCode(200).contentType(containsString("text/css"));
        given().header("Accept-Encoding", "gzip").when().get("/_static/echarts/dist/echarts.common.min.js").then()
                .statusCode(200).header("Content-Encoding", "gzip").body(containsString("echarts"));
    }

    @Test
    void theSettingsNeedNoTokenAndOfferThePastedTokenWhenNoProviderIsConfigured() {
        int thisYear = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        given().when().get("/dashboard/config.json").then().statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .body("signIn.local", equalTo(true)).body("signIn.oidc", nullValue())
                .body("firstYear", equalTo(2019)).body("defaultYear", equalTo(thisYear - 1))
                .body("lastYear", equalTo(thisYear)).body("pollSeconds", equalTo(5)).body("trendYears", equalTo(5))
                .body("forms[0].version", equalTo("2019")).body("forms[0].firstYear", equalTo(2019))
                .body("forms[1].version", equalTo("2021")).body("forms[1].firstYear", equalTo(2021));
    }

    @Test
    void aFormsFiguresAreServedAndAnUnknownFormIsAProblem() {
        given().when().get("/dashboard/forms/2021.json").then().statusCode(200).header("Cache-Control", "max-age=3600")
                .body("figures.id", hasSize(11)).body("resultRows", hasSize(21))
                .body("cellLabels.'/activeDisclosure/fees/amountWanYuan'", containsString("万元"));
        given().when().get("/dashboard/forms/2019.json").then().statusCode(200)
                .body("figures.id", hasSize(11)).body("resultRows", hasSize(19))
                .body("figures.find { it.id == 'fees' }.absent", equalTo(true));
        given().when().get("/dashboard/forms/1999.json").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theApisAnswersStayUncompressed() {
        given().auth().oauth2(Tokens.of(Roles.READER)).header("Accept-Encoding", "gzip")
                .when().get("/api/v1/aggregates/CN/2023").then().statusCode(200).header("Content-Encoding", nullValue());
    }

    @Test
    void noAnswerSetsACookieSoNoCookieCanCarryACredential() {
        String reader = Tokens.of(Roles.READER);
        for (Response response : List.of(given().when().get("/"), given().when().get("/dashboard/config.json"),
                given().auth().oauth2(reader).when().get("/api/v1/aggregates/CN/2023"),
                given().auth().oauth2(reader).when().get("/api/v1/units/search?q=原州"))) {
            assertThat(response.getHeaders().getValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aCrossSiteRequestThatChangesStateIsRefused() {
        // From a foreign origin, CORS refuses it before anything else; a preflight asking to send the token is denied.
        given().header("Origin", "https://attacker.example").cookie("session", "anything")
                .contentType("application/x-www-form-urlencoded")
                .when().post("/api/v1/admin/rebuild").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://attacker.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/v1/admin/rebuild").then()
                .header("Access-Control-Allow-Origin", not(equalTo("https://attacker.example")));
        // Whatever cookies a browser holds, only the bearer header counts.
        given().cookie("session", "anything").cookie("q_session", "anything").contentType("application/x-www-form-urlencoded")
                .when().post("/api/v1/admin/rebuild").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void swaggerUiKeepsItsOwnHeaders() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }
}
