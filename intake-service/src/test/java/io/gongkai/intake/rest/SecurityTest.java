package io.gongkai.intake.rest;

import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.gongkai.intake.tools.MintToken;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Who may do what: tokens are verified, roles and a submitter's scope enforced, and every write audited. */
@QuarkusTest
class SecurityTest {

    private static final String UNIT = "640402200";
    private static final String NAME = "原州区中河乡";

    @Inject
    Tables tables;

    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory principals;

    @Test
    void tokensAreVerifiedThroughTheFactoryThatRemembersThem() {
        org.assertj.core.api.Assertions.assertThat(principals)
                .isInstanceOf(io.gongkai.contracts.security.VerifiedTokens.class);
    }

    @Test
    void missingExpiredAndForgedTokensAre401Problems() throws Exception {
        String body = Reports.text(Reports.busy(UNIT, NAME, 2023));
        Map<String, Long> before = tables.snapshot();

        given().contentType(JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");

        KeyPair keys = LocalKeys.load(java.nio.file.Path.of("target/test-data/keys"));
        String expired = MintToken.mint(keys, Api.ISSUER, "late", Roles.SUBMITTER, "64", Duration.ofSeconds(-120));
        Api.as(expired).contentType(JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(401).contentType("application/problem+json");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = MintToken.mint(generator.generateKeyPair(), Api.ISSUER, "mallory", Roles.SUBMITTER, "64",
                Duration.ofHours(1));
        Api.as(forged).contentType(JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(401).contentType("application/problem+json");

        String otherIssuer = MintToken.mint(keys, "https://elsewhere", "eve", Roles.SUBMITTER, "64", Duration.ofHours(1));
        Api.as(otherIssuer).contentType(JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(401);

        Api.as("not.a.jwt").when().get("/api/v1/forms/2021").then().statusCode(401).contentType("application/problem+json");
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @Test
    void aSubmitterWritesOnlyWithinItsPrefix() {
        String body = Reports.text(Reports.busy("640422100", "西吉县吉强镇", 2023));
        Map<String, Long> before = tables.snapshot();
        Api.submitter("640402").contentType(JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("violations[0].rule", equalTo("SCOPE"));
        assertThat(tables.snapshot()).isEqualTo(before);

        Api.submitter("640402").contentType(JSON).body(Reports.text(Reports.busy("640402201", "原州区河川乡", 2023)))
                .when().post("/api/v1/submissions").then().statusCode(201);

        var department = Reports.busy("640402-WSJKJ", "原州区卫生健康局", 2023);
        ((com.fasterxml.jackson.databind.node.ObjectNode) department.get("unit")).put("parentCode", "640402");
        Api.submitter("640402").contentType(JSON).body(Reports.text(department)).when().post("/api/v1/submissions")
                .then().statusCode(201);
        ((com.fasterxml.jackson.databind.node.ObjectNode) department.get("unit")).put("code", "640422-WSJKJ");
        ((com.fasterxml.jackson.databind.node.ObjectNode) department.get("unit")).put("parentCode", "640422");
        Api.submitter("640402").contentType(JSON).body(Reports.text(department)).when().post("/api/v1/submissions")
                .then().statusCode(403);
    }

    @Test
    void rolesOtherThanSubmitterCannotWrite() {
        String body = Reports.text(Reports.busy(UNIT, NAME, 2023));
        for (var caller : java.util.List.of(Api.reader(), Api.auditor(), Api.admin(), Api.service())) {
            caller.contentType(JSON).body(body).when().post("/api/v1/submissions")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void readersSeeCurrentReportsButNotVersionHistoryOrTheAuditLogOrTheFeed() {
        Api.submitter().contentType(JSON).body(Reports.text(Reports.busy("640402204", "原州区炭山乡", 2023)))
                .when().post("/api/v1/submissions").then().statusCode(201);
        Api.reader().when().get("/api/v1/submissions/640402204/2023").then().statusCode(200);
        Api.reader().when().get("/api/v1/submissions/640402204/2023/versions")
                .then().statusCode(403).contentType("application/problem+json");
        Api.reader().when().get("/api/v1/submissions/640402204/2023/versions/1").then().statusCode(403);
        Api.reader().when().get("/api/v1/audit").then().statusCode(403);
        Api.reader().when().get("/api/v1/feed").then().statusCode(403);
        Api.auditor().when().get("/api/v1/submissions/640402204/2023/versions").then().statusCode(200);
        Api.auditor().when().get("/api/v1/feed").then().statusCode(200);
        Api.service().when().get("/api/v1/feed").then().statusCode(200);
    }

    @Test
    void healthNeedsNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theKeyPairWasGeneratedIntoTheDataDirectory() {
        assertThat(Files.exists(java.nio.file.Path.of("target/test-data/keys/public.pem"))).isTrue();
        assertThat(Files.exists(java.nio.file.Path.of("target/test-data/keys/private.pem"))).isTrue();
    }
}
