package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.Tokens;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Real tokens against aggregation: verified signatures, issuers and expiry; roles per endpoint. */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
class AggregationSecurityTest {

    private static final List<String> READS = List.of("/api/v1/aggregates/640402/2023",
            "/api/v1/aggregates/640402/2023?format=html", "/api/v1/aggregates/640402/2023?format=xlsx",
            "/api/v1/aggregates/640402/2023/children", "/api/v1/aggregates/640402/trend?from=2022&to=2023",
            "/api/v1/checks/640402/2023", "/api/v1/units/640402", "/api/v1/units?parent=640402",
            "/api/v1/aggregates/640402/2023/children?format=csv", "/api/v1/aggregates/640402/2023/units?format=csv",
            "/api/v1/aggregates/640402/2023/units?format=xlsx",
            "/api/v1/units/search?q=640402");

    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory principals;

    @Test
    void tokensAreVerifiedThroughTheFactoryThatRemembersThem() {
        org.assertj.core.api.Assertions.assertThat(principals)
                .isInstanceOf(io.gongkai.contracts.security.VerifiedTokens.class);
    }

    @Test
    void missingExpiredForgedAndForeignTokensAre401Problems() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        List<String> invalid = List.of("garbage",
                Tokens.sign(Tokens.KEYS, Tokens.ISSUER, Roles.READER, null, Duration.ofSeconds(-120)),
                Tokens.sign(generator.generateKeyPair(), Tokens.ISSUER, Roles.READER, null, Duration.ofHours(1)),
                Tokens.sign(Tokens.KEYS, "https://elsewhere", Roles.READER, null, Duration.ofHours(1)));
        for (String path : READS) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
            for (String token : invalid) {
                given().auth().oauth2(token).when().get(path).then().statusCode(401)
                        .contentType("application/problem+json");
            }
        }
        given().when().post("/api/v1/admin/rebuild").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void readersAuditorsAndAdminsReadDashboardsOthersDoNot() {
        for (String path : READS) {
            for (String role : List.of(Roles.READER, Roles.AUDITOR, Roles.ADMIN)) {
                given().auth().oauth2(Tokens.of(role)).when().get(path).then().statusCode(200);
            }
            given().auth().oauth2(Tokens.submitter("640402")).when().get(path).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(Tokens.of(Roles.SERVICE)).when().get(path).then().statusCode(403);
        }
    }

    @Test
    void onlyAdminsRebuild() {
        for (String role : List.of(Roles.READER, Roles.AUDITOR, Roles.SERVICE)) {
            given().auth().oauth2(Tokens.of(role)).when().post("/api/v1/admin/rebuild").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.submitter("64")).when().post("/api/v1/admin/rebuild").then().statusCode(403);
    }

    @Test
    void healthNeedsNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
