package io.gongkai.aggregation.support;

import static io.restassured.RestAssured.given;

/** Reads one value from /q/metrics (Prometheus text), as a scraper would: without a token. */
public final class Metrics {

    private Metrics() {
    }

    public static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of an untagged metric; fails when it is not served. */
    public static double value(String name) {
        return scrape().lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("/q/metrics has no " + name));
    }
}
