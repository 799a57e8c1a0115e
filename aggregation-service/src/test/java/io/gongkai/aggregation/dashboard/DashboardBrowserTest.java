package io.gongkai.aggregation.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.Browser;
import io.gongkai.aggregation.support.IdentityProviderStub;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.aggregation.support.Tokens;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (Debian's chromium, headless, through Selenium), against this service fed through
 * the intake stub: 原州区 (640402, 14 townships) has reports for 2022 and, from 12 townships and a department, 2023;
 * the other counties of 固原市 a few; and a spread of townships across the country. Screenshots go to
 * target/screenshots/. Its own application and database, so the seed stays apart from the other tests.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestProfile(DashboardBrowserTest.Dashboard.class)
@EnabledIf("io.gongkai.aggregation.support.Browser#available")
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*mysql.*",
        disabledReason = "the page does not depend on the database; the embedded pass drives the browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    public static class Dashboard implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityProviderStub.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:dashboard;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "gongkai.dashboard.poll-interval", "1s");
        }
    }

    static final int YEAR = 2023;
    /** A year of the 2019 trial form, which has no fee amount. */
    static final int TRIAL_YEAR = 2020;
    /** A county where one township reported the year in the trial form still, apart from the others. */
    static final String MIXED_COUNTY = "640422";
    static final String DISTRICT = "640402";
    static final String CITY = "6404";
    static final String DEPARTMENT = "640402-GAJ";
    static final OffsetDateTime LAST_YEAR = OffsetDateTime.parse("2023-01-20T10:00:00+08:00");
    static final OffsetDateTime ON_TIME = OffsetDateTime.parse("2024-01-22T09:30:00+08:00");
    static final OffsetDateTime LATE = OffsetDateTime.parse("2024-02-05T15:00:00+08:00");
    /**
     * Townships across the country reporting 2023, for the nation's load time: 1,000 by default (a few seconds to feed),
     * -Dgongkai.browser.seed-townships=all for all 41,352 (minutes).
     */
    static final String SEED = System.getProperty("gongkai.browser.seed-townships", "1000");
    static final String TOKEN_KEY = "gongkai.dashboard.token";
    static final NumberFormat GROUPED = NumberFormat.getIntegerInstance(Locale.CHINA);

    static String reader;
    static ChromeDriver driver;
    static List<Division> townships;
    static int seeded;

    @TestHTTPResource("/")
    URL page;

    @BeforeEach
    void seedOnceAndStartTheBrowser() {
        if (driver != null) {
            return;
        }
        reader = Tokens.of(Roles.READER);
        long start = System.nanoTime();
        seed();
        System.out.printf("dashboard test: %d reports fed and applied in %d ms%n", seeded, (System.nanoTime() - start) / 1_000_000);
        driver = Browser.start();
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    static void seed() {
        DivisionTable divisions = DivisionTable.national();
        townships = divisions.children(DISTRICT);
        Random random = new Random(640402);
        List<FeedEntry> entries = new ArrayList<>();
        List<CellValues> before = new ArrayList<>();
        for (Division township : townships) {
            CellValues cells = ValidReports.random(random, 20);
            before.add(cells);
            entries.add(StubFeed.entry(township.code(), township.name(), null, YEAR - 1, 1, cells, LAST_YEAR, List.of()));
        }
        for (int i = 0; i < 12; i++) {
            Division township = townships.get(i);
            CellValues cells = i < 9 ? ValidReports.following(random, 20, before.get(i)) : ValidReports.random(random, 20);
            List<Finding> warnings = i == 0 ? List.of(Finding.warning("R2.2", "/activeDisclosure/regulations/issued", "0",
                    "1", "乡镇、街道和县级机关不能制定规章：规章各栏应为 0")) : List.of();
            entries.add(StubFeed.entry(township.code(), township.name(), null, YEAR, 1, cells, i < 10 ? ON_TIME : LATE, warnings));
        }
        entries.add(StubFeed.entry(DEPARTMENT, "固原市原州区公安局", DISTRICT, YEAR, 1, ValidReports.random(random, 20),
                ON_TIME, List.of()));
        Division trial = townships.get(0);
        entries.add(StubFeed.entry(trial.code(), trial.name(), null, TRIAL_YEAR, 1,
                ValidReports.random(ValidReports.FORM_2019, random, 20), OffsetDateTime.parse("2021-01-20T10:00:00+08:00"),
                List.of()));
        Division stillOld = divisions.children(MIXED_COUNTY).get(3);
        entries.add(StubFeed.entry(stillOld.code(), stillOld.name(), null, YEAR, 1,
                ValidReports.random(ValidReports.FORM_2019, random, 20), ON_TIME, List.of()));
        for (Division county : divisions.children(CITY)) {
            if (!county.code().equals(DISTRICT)) {
                divisions.children(county.code()).stream().limit(3).forEach(t -> entries.add(StubFeed.entry(t.code(),
                        t.name(), null, YEAR, 1, ValidReports.random(random, 20), ON_TIME, List.of())));
            }
        }
        List<Division> country = divisions.all().stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP && !d.code().startsWith(CITY))
                .sorted(Comparator.comparing(Division::code)).toList();
        int wanted = SEED.equals("all") ? country.size() : Math.min(Integer.parseInt(SEED), country.size());
        for (int i = 0; i < wanted; i++) {
            Division township = country.get((int) ((long) i * country.size() / wanted));
            entries.add(StubFeed.entry(township.code(), township.name(), null, YEAR, 1, ValidReports.random(random, 20),
                    ON_TIME, List.of()));
        }
        long cursor = 0;
        for (int from = 0; from < entries.size(); from += 2_000) {
            cursor = StubFeed.publish(entries.subList(from, Math.min(entries.size(), from + 2_000)).toArray(FeedEntry[]::new));
        }
        awaitApplied(cursor, Duration.ofSeconds(60 + entries.size() / 20));
        seeded = entries.size();
    }

    static void awaitApplied(long cursor, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> given().auth().oauth2(reader)
                .when().get("/api/v1/aggregates/CN/trend?from=2021&to=2021").then().statusCode(200)
                .extract().jsonPath().getLong("asOf.cursor") >= cursor);
    }

    // ---- the tests, in the order a clerk would meet the page ----

    @Test
    @Order(1)
    void aClerkSignsInByPastingATokenAndTheProviderIsOfferedToo() {
        driver.get(page.toString());
        waitFor(() -> "signed-out".equals(body("state")));
        assertThat(driver.findElement(By.id("provider-sign-in")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("token-form")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "01-sign-in");

        driver.findElement(By.id("token-input")).sendKeys(reader);
        driver.findElement(By.cssSelector("#token-form button")).click();
        waitFor(() -> "ready".equals(body("state")));

        assertThat(driver.findElement(By.id("dashboard")).isDisplayed()).isTrue();
        assertThat(driver.getCurrentUrl()).doesNotContain(reader).matches(".*#/unit/CN/\\d{4}$");
        assertThat(driver.findElement(By.id("holder")).getText()).contains("reader");
        assertThat(script("return document.cookie")).isEqualTo("");
    }

    @Test
    @Order(2)
    void theFiguresShownFor原州区AreTheApisTotals() {
        show("#/unit/640402/2023");
        String raw = given().auth().oauth2(reader).when().get("/api/v1/aggregates/640402/2023").then().statusCode(200)
                .extract().asString();
        JsonNode aggregate = read(raw);
        JsonNode lastYear = read(given().auth().oauth2(reader).when().get("/api/v1/aggregates/640402/2022").then()
                .statusCode(200).extract().asString());
        JsonNode form = read(given().when().get("/dashboard/forms/2021.json").then().statusCode(200).extract().asString());
        JsonNode totals = aggregate.get("totals");

        for (JsonNode figure : form.get("figures")) {
            String id = figure.get("id").asText();
            assertThat(text("[data-figure='" + id + "'] .number")).as(id).isEqualTo(expected(figure, totals));
        }
        Matcher fee = Pattern.compile("\"amountWanYuan\":([-0-9.Ee+]+)").matcher(raw);
        assertThat(fee.find()).isTrue();
        assertThat(text("[data-figure='fees'] .number")).isEqualTo(fee.group(1));
        assertThat(text("[data-figure='received'] .change")).isEqualTo("较上年 " + countChange(
                sum(totals, "applications.newReceived.total", "applications.carriedOver.total"),
                sum(lastYear.get("totals"), "applications.newReceived.total", "applications.carriedOver.total")));

        JsonNode reporting = aggregate.get("reporting");
        assertThat(text("[data-tally='received'] dd")).isEqualTo(GROUPED.format(reporting.get("received").asLong()));
        assertThat(text("[data-tally='expected'] dd")).isEqualTo("15");
        assertThat(text("[data-tally='on-time'] dd")).isEqualTo(GROUPED.format(reporting.get("onTime").asLong()));
        assertThat(text("[data-tally='late'] dd")).isEqualTo("2");
        assertThat(text("[data-tally='missing'] dd")).isEqualTo("2");
        assertThat(text("[data-tally='deadline'] dd")).isEqualTo("2024-01-31");
        assertThat(attributes(".missing-units li", "data-code"))
                .containsExactly(townships.get(12).code(), townships.get(13).code());
        assertThat(text(".missing-units")).contains(townships.get(12).name(), townships.get(13).name());
        assertThat(driver.findElement(By.id("as-of")).getAttribute("datetime"))
                .isEqualTo(aggregate.get("asOf").get("time").asText());
        waitFor(() -> text("[data-section='findings-summary']").contains("报告时的提示 1 条"));
        Browser.screenshot(driver, "02-yuanzhou-overview");

        show("#/unit/640402/2023/reporting");
        JsonNode checks = read(given().auth().oauth2(reader).when().get("/api/v1/checks/640402/2023").then()
                .statusCode(200).extract().asString());
        long findings = StreamSupport.stream(checks.get("findings").spliterator(), false)
                .filter(f -> !f.get("category").asText().equals("MISSING")).count();
        assertThat(driver.findElements(By.cssSelector("table.findings tbody tr"))).hasSize((int) findings);
        WebElement warning = driver.findElement(By.cssSelector("table.findings tr[data-rule='R2.2']"));
        assertThat(warning.getAttribute("data-code")).isEqualTo(townships.get(0).code());
        assertThat(warning.getText()).contains(townships.get(0).name(), "规章").contains("表二");
        Browser.screenshot(driver, "03-yuanzhou-reporting");
    }

    @Test
    @Order(3)
    void aClerkFindsTheCityByNameAndDrillsDownToATownship() {
        show("#/unit/CN/2023/children");
        driver.findElement(By.id("unit-search")).sendKeys("固原");
        waitFor(() -> !driver.findElements(By.cssSelector("#unit-matches li[data-code='6404']")).isEmpty());
        assertThat(text("#unit-matches li[data-code='6404']")).contains("固原市", "宁夏回族自治区");
        driver.findElement(By.id("unit-search")).sendKeys(Keys.ENTER);
        waitFor(() -> "#/unit/6404/2023/children".equals(body("shown")) && "ready".equals(body("state")));
        assertThat(attributes("table.children tbody tr", "data-code")).contains(DISTRICT, "640422", "640425");
        Browser.screenshot(driver, "04-city-children");

        driver.findElement(By.cssSelector("table.children tr[data-code='640402'] td:nth-child(2)")).click();
        waitFor(() -> "#/unit/640402/2023/children".equals(body("shown")) && "ready".equals(body("state")));
        assertThat(breadcrumb()).containsExactly("全国", "宁夏回族自治区", "固原市", "原州区");
        assertThat(attributes("table.children tbody tr", "data-code")).hasSize(15).contains(DEPARTMENT);

        driver.findElement(By.cssSelector("table.children th[data-sort='received'] a")).click();
        waitFor(() -> "#/unit/640402/2023/children?sort=received-asc".equals(body("shown")));
        List<Long> received = driver.findElements(By.cssSelector("table.children td[data-column='received']")).stream()
                .map(td -> Long.parseLong(td.getText().replace(",", ""))).toList();
        assertThat(received).isSorted();

        String sanying = townships.get(0).code();
        driver.findElement(By.cssSelector("table.children tr[data-code='" + sanying + "'] a")).click();
        waitFor(() -> ("#/unit/" + sanying + "/2023").equals(body("shown")) && "ready".equals(body("state")));
        assertThat(text("#unit-title")).startsWith(townships.get(0).name());
        assertThat(breadcrumb()).containsExactly("全国", "宁夏回族自治区", "固原市", "原州区", townships.get(0).name());
        assertThat(text("[data-tally='status'] dd")).isEqualTo("已报送（按时）");
        Browser.screenshot(driver, "05-township");
    }

    @Test
    @Order(4)
    void aYearOfTheTrialFormShowsItsFiguresAndADashForTheFeeItDoesNotHave() {
        String township = townships.get(0).code();
        show("#/unit/" + township + "/" + TRIAL_YEAR);
        JsonNode aggregate = read(given().auth().oauth2(reader).when().get("/api/v1/aggregates/{code}/{year}", township, TRIAL_YEAR)
                .then().statusCode(200).extract().asString());
        assertThat(aggregate.get("formVersion").asText()).isEqualTo("2019");
        JsonNode form = read(given().when().get("/dashboard/forms/2019.json").then().statusCode(200).extract().asString());

        for (JsonNode figure : form.get("figures")) {
            String id = figure.get("id").asText();
            String shown = text("[data-figure='" + id + "'] .number");
            assertThat(shown).as(id).isEqualTo(figure.get("absent").asBoolean() ? "—" : expected(figure, aggregate.get("totals")));
        }
        assertThat(text("[data-figure='fees'] .number")).isEqualTo("—");
        assertThat(driver.findElements(By.cssSelector("[data-figure='fees'] .unit"))).isEmpty();
        assertThat(attributes("#year option", "value")).contains("2019", "2020");
        Browser.screenshot(driver, "05b-trial-form-year");
    }

    @Test
    @Order(4)
    void aYearWhoseReportsUsedTwoFormsSaysSoAndOffersTheOtherFormsTotal() {
        show("#/unit/" + MIXED_COUNTY + "/" + YEAR);
        String note = text("[data-section='other-forms'] p");
        assertThat(note).contains("以上为 2021 年表式的 3 份报告").contains("1 份报告使用 2019 年表式").contains("单独汇总");
        waitFor(() -> !text("[data-section='findings-summary']").contains("正在读取"));
        assertThat(text("[data-section='findings-summary']")).as("a county without findings").isEqualTo("核查发现：无");
        List<WebElement> buttons = driver.findElements(By.cssSelector("[data-section='other-forms'] button"));
        assertThat(buttons).extracting(WebElement::getText)
                .containsExactly("下载 2019 年表式统计表（XLSX）", "导出 2019 年表式下级单位表（CSV）");
        for (WebElement button : buttons) {
            button.click();
        }
        waitFor(() -> (Boolean) script("return performance.getEntriesByType('resource').filter(e => "
                + "e.name.includes('formVersion=2019')).length >= 2"));
        script("return new Promise(done => setTimeout(done, 300))");
        assertThat(text("[data-section='other-forms'] .message")).as("both downloads were answered").isEmpty();
        Browser.screenshot(driver, "05c-two-forms-in-one-year");
    }

    @Test
    @Order(4)
    void theChartsAreDrawn() {
        show("#/unit/640402/2023");
        for (String chart : List.of("trend-chart", "results-chart")) {
            waitFor(() -> paintedPixels(chart) > 2_000);
        }
        show("#/unit/6404/2023/children");
        waitFor(() -> paintedPixels("children-chart") > 2_000);
        Browser.screenshot(driver, "06-children-chart");
    }

    @Test
    @Order(5)
    void thePageFollowsANewReportWithoutAReload() {
        show("#/unit/640402/2023");
        script("window.stillTheSamePage = true");
        long cursorBefore = Long.parseLong(body("cursor"));
        Division township = townships.get(12);

        long cursor = StubFeed.publish(StubFeed.entry(township.code(), township.name(), null, YEAR, 1,
                ValidReports.random(new Random(12), 20), LATE, List.of()));
        awaitApplied(cursor, Duration.ofSeconds(15));

        waitFor(() -> "14".equals(text("[data-tally='received'] dd")));
        assertThat(attributes(".missing-units li", "data-code")).containsExactly(townships.get(13).code());
        assertThat(text("[data-tally='late'] dd")).isEqualTo("3");
        assertThat(Long.parseLong(body("cursor"))).isGreaterThan(cursorBefore);
        assertThat(script("return window.stillTheSamePage === true")).isEqualTo(true);
        Browser.screenshot(driver, "07-after-a-new-report");
    }

    @Test
    @Order(6)
    void theNationLoadsInUnderASecond() {
        // Alternately with an empty browser cache (the files fetched and compiled anew) and with the files cached; each
        // a new document. "figures" is when the numbers are on screen, "ready" when the charts are drawn as well.
        Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            boolean empty = i % 2 == 0;
            if (empty) {
                driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            }
            navigate("#/unit/CN/2023");
            waitFor(() -> "#/unit/CN/2023".equals(body("shown")) && "ready".equals(body("state")));
            for (String mark : List.of("figures", "ready")) {
                times.computeIfAbsent((empty ? "empty cache, " : "cached files, ") + mark, k -> new ArrayList<>())
                        .add(mark(mark));
            }
            if (i == 0) {
                System.out.println("dashboard load: first nation load, each request's start and end (ms):\n"
                        + script("return performance.getEntriesByType('resource').map(e => '  '"
                        + " + e.name.replace(location.origin, '') + ' ' + Math.round(e.startTime) + '-'"
                        + " + Math.round(e.responseEnd)).join('\\n')"));
            }
        }
        Browser.screenshot(driver, "08-nation");
        for (String view : List.of("children", "reporting")) {
            navigate("#/unit/CN/2023/" + view);
            waitFor(() -> ("#/unit/CN/2023/" + view).equals(body("shown")) && "ready".equals(body("state")));
            System.out.printf("dashboard load: nation %s view ready after %d ms%n", view, mark("ready"));
        }
        Browser.screenshot(driver, "09-nation-reporting");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("dashboard load: nation overview, %s townships reporting (%d reports fed), load average %.1f "
                + "on %d cores: %s (ms)%n", SEED, seeded, load, cores, times);
        // A second is what a clerk is promised. On a machine running several times more work than it has cores the
        // page's own cost cannot be told apart from waiting for a core, so there only gross regressions fail.
        long bound = load > 2 * cores ? 3_000 : 1_000;
        if (bound > 1_000) {
            System.out.printf("dashboard load: the machine is overloaded, so the bound checked is %d ms, not 1 s%n", bound);
        }
        times.forEach((what, millis) -> assertThat(median(millis)).as(what).isLessThan(bound));
    }

    @Test
    @Order(7)
    void theOfficialTableShowsEveryCell() {
        show("#/unit/640402/2023/table");
        WebElement frame = driver.findElement(By.cssSelector("iframe.official"));
        driver.switchTo().frame(frame);
        try {
            List<String> shown = driver.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList();
            JsonNode totals = read(given().auth().oauth2(reader).when().get("/api/v1/aggregates/640402/2023").then()
                    .statusCode(200).extract().asString()).get("totals");
            List<String> expected = ValidReports.keys().stream().map(key -> value(totals, key).toPlainString()).toList();
            assertThat(shown).hasSize(expected.size()).doesNotContain("");
            assertThat(shown.stream().map(s -> s.replace(",", "")).sorted().toList()).isEqualTo(expected.stream().sorted().toList());
        } finally {
            driver.switchTo().defaultContent();
        }
        Browser.screenshot(driver, "10-official-table");
    }

    @Test
    @Order(8)
    void aReaderSignsInWithTheIdentityProviderThroughPkce() {
        script("sessionStorage.clear()");
        navigate("#/unit/640402/2023");
        waitFor(() -> "signed-out".equals(body("state")));
        int redeemed = IdentityProviderStub.redeemed();
        assertThat(given().when().get("/").header("Content-Security-Policy"))
                .contains("connect-src 'self' " + IdentityProviderStub.tokenEndpoint() + ";");

        driver.findElement(By.id("provider-sign-in")).click();
        waitFor(() -> "#/unit/640402/2023".equals(body("shown")) && "ready".equals(body("state")));

        Map<String, String> asked = IdentityProviderStub.lastAuthorization();
        assertThat(asked).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", IdentityProviderStub.CLIENT_ID).containsEntry("scope", "openid")
                .containsEntry("redirect_uri", page.toString()).containsKeys("state", "code_challenge");
        assertThat(IdentityProviderStub.redeemed()).isEqualTo(redeemed + 1);
        assertThat(driver.getCurrentUrl()).isEqualTo(page + "#/unit/640402/2023");
        assertThat(script("return sessionStorage.getItem('gongkai.dashboard.oidc')")).isNull();
        assertThat(script("return sessionStorage.getItem('" + TOKEN_KEY + "')")).isNotNull();
        Browser.screenshot(driver, "11-signed-in-with-provider");
    }

    @Test
    @Order(9)
    void aCallbackThisPageDidNotStartIsRefused() {
        script("sessionStorage.clear()");
        int redeemed = IdentityProviderStub.redeemed();

        navigate("?code=stolen&state=forged");
        waitFor(() -> "signed-out".equals(body("state")));

        assertThat(text("#sign-in-message")).contains("不是本页发起的");
        assertThat(driver.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        assertThat(script("return sessionStorage.getItem('" + TOKEN_KEY + "')")).isNull();
        assertThat(IdentityProviderStub.redeemed()).isEqualTo(redeemed);
    }

    @Test
    @Order(10)
    void noTokenEverEntersAnAddressAndThePolicyWasNeverBroken() {
        driver.get(page.toString());
        script("sessionStorage.setItem('" + TOKEN_KEY + "', arguments[0])", reader);
        show("#/unit/640402/2023/children");
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) script("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(fetched).isNotEmpty().noneMatch(address -> address.contains(reader.substring(0, 40)));
        assertThat(script("return document.cookie")).isEqualTo("");
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
        assertThat(violations).isEmpty();
    }

    // ---- helpers ----

    /** Opens a view in the page already loaded (a new address fragment, no reload) and waits until it is shown. */
    void show(String hash) {
        if (!driver.getCurrentUrl().startsWith(page.toString()) || "signed-out".equals(body("state"))) {
            driver.get(page.toString());
            script("sessionStorage.setItem('" + TOKEN_KEY + "', arguments[0])", reader);
            navigate(hash);
        } else {
            script("window.location.hash = arguments[0]", hash);
        }
        waitFor(() -> hash.equals(body("shown")) && "ready".equals(body("state")));
    }

    /** Loads the page afresh (a new document, unlike a change of the fragment alone) at the page's address plus a suffix. */
    void navigate(String suffix) {
        driver.get("about:blank");
        driver.get(page + suffix);
    }

    /** Milliseconds from the start of navigation to the page's mark dashboard-{name}. */
    static long mark(String name) {
        return Math.round(((Number) script("return performance.getEntriesByName(arguments[0])[0].startTime",
                "dashboard-" + name)).doubleValue());
    }

    static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    static Object script(String code, Object... arguments) {
        return driver.executeScript(code, arguments);
    }

    static String body(String data) {
        return (String) script("return document.body.dataset[arguments[0]] || ''", data);
    }

    /** The text shown by the first element matching; read in one step, so a redraw in between cannot intervene. */
    static String text(String css) {
        return (String) script("const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css);
    }

    static List<String> breadcrumb() {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) script("return [...document.querySelectorAll("
                + "'#breadcrumb a, #breadcrumb [aria-current]')].map(e => e.textContent)");
        return names;
    }

    static List<String> attributes(String css, String attribute) {
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) script("return [...document.querySelectorAll(arguments[0])]"
                + ".map(e => e.getAttribute(arguments[1]))", css, attribute);
        return values;
    }

    static void waitFor(BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> "page state " + body("state") + ", showing " + body("shown") + ", at " + driver.getCurrentUrl()
                        + ", saying: " + script("return [document.getElementById('error').textContent,"
                        + " document.getElementById('sign-in-message').textContent].join(' ')"))
                .until(d -> condition.getAsBoolean());
    }

    /** Pixels of a chart's canvas that are not transparent: an empty chart has none. */
    static long paintedPixels(String chart) {
        Object painted = script("""
                const canvas = document.querySelector('#' + arguments[0] + ' canvas');
                if (!canvas || canvas.width === 0) { return 0; }
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) { painted++; } }
                return painted;""", chart);
        return ((Number) painted).longValue();
    }

    static JsonNode read(String json) {
        try {
            return IntakeStub.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static BigDecimal value(JsonNode totals, String key) {
        JsonNode node = totals;
        for (String name : key.split("\\.")) {
            node = node.get(name);
        }
        return node.decimalValue();
    }

    static long sum(JsonNode totals, String... keys) {
        long sum = 0;
        for (String key : keys) {
            sum += value(totals, key).longValueExact();
        }
        return sum;
    }

    static List<String> keys(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** What the page must show for a headline figure, worked out here from the API's totals. */
    static String expected(JsonNode figure, JsonNode totals) {
        List<String> cells = keys(figure.get("cells"));
        List<String> of = keys(figure.get("of"));
        if (!of.isEmpty()) {
            long whole = sum(totals, of.toArray(String[]::new));
            return whole == 0 ? "—" : BigDecimal.valueOf(sum(totals, cells.toArray(String[]::new))).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        if (figure.get("amount").asBoolean()) {
            return cells.stream().map(key -> value(totals, key)).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .stripTrailingZeros().toPlainString();
        }
        return GROUPED.format(sum(totals, cells.toArray(String[]::new)));
    }

    static String countChange(long now, long before) {
        long difference = now - before;
        if (difference == 0) {
            return "持平";
        }
        String absolute = (difference > 0 ? "+" : "") + GROUPED.format(difference);
        if (before == 0) {
            return absolute;
        }
        BigDecimal relative = BigDecimal.valueOf(difference * 100).divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
        return absolute + "（" + (relative.signum() > 0 ? "+" : "") + relative.toPlainString() + "%）";
    }
}
