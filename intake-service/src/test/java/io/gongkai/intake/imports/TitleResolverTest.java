package io.gongkai.intake.imports;

import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Whose report and which year, as the title says, and nothing the title does not settle. */
class TitleResolverTest {

    private static final TitleResolver RESOLVER = new TitleResolver(DivisionTable.national());
    private static final String REPORT = "政府信息公开工作年度报告";

    @Test
    void theSampleTitleNamesTheTownshipUnderItsCountyAndTheYear() {
        TitleMatch match = RESOLVER.resolve(List.of(
                "原州区三营镇 2023年政府信息公开工作年度报告",
                "根据《中华人民共和国政府信息公开条例》规定,现发布《原州区三营镇2023年政府信息公开工作年度报告》。"));

        assertThat(match.title()).isEqualTo("原州区三营镇 2023年政府信息公开工作年度报告");
        assertThat(match.year()).isEqualTo(2023);
        assertThat(code(match)).isEqualTo("640402100");
        assertThat(match.department()).isNull();
        assertThat(match.findings()).isEmpty();
    }

    @Test
    void aCrawlerCopysTitleHeaderIsTheTitle() {
        TitleMatch match = RESOLVER.resolve(List.of(
                "标题: 平潭综合实验区2022年度政府信息公开工作年度报告",
                "发布时间: 2023-02-20 15:07",
                "栏目: 政府信息公开年报",
                "==================== 正文 ===================="));

        assertThat(match.title()).isEqualTo("平潭综合实验区2022年度政府信息公开工作年度报告");
        assertThat(match.year()).isEqualTo(2022);
    }

    @Test
    void aZoneTheTableDoesNotKnowByItsNameIsLeftOpen() {
        TitleMatch match = RESOLVER.resolve(List.of("标题: 平潭综合实验区2022年度政府信息公开工作年度报告"));

        assertThat(match.division()).as("registered as 平潭县 350128: not guessed").isNull();
        assertThat(match.department()).isNull();
        assertThat(match.year()).isEqualTo(2022);
        assertThat(match.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("TITLE");
            assertThat(f.isError()).isTrue();
            assertThat(f.pointers()).containsExactly("/unit/code");
            assertThat(f.actual()).isEqualTo("平潭综合实验区");
            assertThat(f.message()).contains("no division");
        });
    }

    @Test
    void theTitleHeaderOutranksALineThatLooksLikeATitle() {
        TitleMatch match = RESOLVER.resolve(List.of(
                "原州区人民政府2023年政府信息公开工作年度报告专栏",
                "标题：原州区三营镇2023年政府信息公开工作年度报告"));

        assertThat(match.title()).isEqualTo("原州区三营镇2023年政府信息公开工作年度报告");
        assertThat(code(match)).isEqualTo("640402100");
    }

    @Test
    void aPageTitleWithTheSitesNameAfterTheYearIsRead() {
        TitleMatch match = RESOLVER.resolve(List.of("原州区三营镇2023年政府信息公开工作年度报告_固原市原州区人民政府",
                "首页 > 政务公开"));

        assertThat(code(match)).isEqualTo("640402100");
        assertThat(match.department()).isNull();
    }

    @Test
    void aSitesNameBeforeTheTitleOnlyAddsToTheChain() {
        TitleMatch match = RESOLVER.resolve(List.of("固原市原州区人民政府 政府信息公开年报 原州区三营镇2023年" + REPORT));

        assertThat(code(match)).isEqualTo("640402100");
        assertThat(match.department()).isNull();
        assertThat(match.findings()).isEmpty();
    }

    @Test
    void aTitleMayPrintTheYearAfterTheDisclosureWords() {
        TitleMatch township = RESOLVER.resolve(List.of("原州区三营镇政府信息公开工作2023年度报告"));
        TitleMatch department = RESOLVER.resolve(List.of("原州区教育局政府信息公开2023年度工作报告"));

        assertThat(code(township)).isEqualTo("640402100");
        assertThat(township.department()).isNull();
        assertThat(township.year()).isEqualTo(2023);
        assertThat(code(department)).isEqualTo("640402");
        assertThat(department.department()).isEqualTo("教育局");
    }

    @Test
    void aTitleQuotedInTheOpeningProseIsTheTitle() {
        TitleMatch match = RESOLVER.resolve(List.of(
                "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息公开与政务公开办公室关于印发〈中华人民共和国"
                        + "政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)要求,现发布《原州区三营镇2023年"
                        + "政府信息公开工作年度报告》,本报告统计数据从2023年1月1日至12月31日。"));

        assertThat(match.title()).isEqualTo("原州区三营镇2023年政府信息公开工作年度报告");
        assertThat(code(match)).isEqualTo("640402100");
        assertThat(match.year()).isEqualTo(2023);
    }

    @Test
    void aDepartmentsTitleNamesTheDepartmentAndItsGovernment() {
        TitleMatch match = RESOLVER.resolve(List.of("原州区发展和改革局2023年" + REPORT));

        assertThat(code(match)).isEqualTo("640402");
        assertThat(match.department()).isEqualTo("发展和改革局");
        assertThat(match.findings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "固原市原州区教育局2023年度, 640402, 教育局",
            "原州区人民政府国有资产监督管理委员会2023年, 640402, 国有资产监督管理委员会",
            "关于原州区民政局2023年, 640402, 民政局",
            "原州区三营镇卫生院2023年, 640402100, 卫生院",
    })
    void aDepartmentIsWhatFollowsItsGovernmentsName(String beforeReport, String code, String department) {
        TitleMatch match = RESOLVER.resolve(List.of(beforeReport + REPORT));

        assertThat(code(match)).isEqualTo(code);
        assertThat(match.department()).isEqualTo(department);
    }

    @ParameterizedTest
    @CsvSource({
            "原州区人民政府2023年, 640402",
            "原州区人民政府办公室2023年, 640402",
            "原州区政府2023年, 640402",
            "固原市原州区三营镇人民政府2023年度, 640402100",
            "东华门街道办事处2023年, 110101001",
            "宁夏回族自治区人民政府办公厅2023年, 64",
            "原州区人民政府关于2023年, 640402",
            "原州区人民政府办公室关于印发原州区2023年, 640402",
            "关于原州区三营镇的2023年, 640402100",
    })
    void theGovernmentItselfIsNoDepartment(String beforeReport, String code) {
        TitleMatch match = RESOLVER.resolve(List.of(beforeReport + REPORT));

        assertThat(code(match)).isEqualTo(code);
        assertThat(match.department()).isNull();
        assertThat(match.findings()).isEmpty();
    }

    @Test
    void aTownshipNameSeveralCountiesHaveIsAmbiguous() {
        TitleMatch match = RESOLVER.resolve(List.of("三营镇2023年" + REPORT));

        assertThat(match.division()).isNull();
        assertThat(match.year()).isEqualTo(2023);
        assertThat(match.findings()).singleElement().satisfies(f -> {
            assertThat(f.pointers()).containsExactly("/unit/code");
            assertThat(f.actual()).isEqualTo("532930104, 640402100");
            assertThat(f.message()).contains("2 divisions", "云南省大理白族自治州洱源县三营镇", "宁夏回族自治区固原市原州区三营镇");
        });
    }

    @Test
    void theCountyNamedBeforeTheTownshipSettlesWhichOne() {
        assertThat(code(RESOLVER.resolve(List.of("洱源县三营镇2023年" + REPORT)))).isEqualTo("532930104");
        assertThat(code(RESOLVER.resolve(List.of("大理白族自治州三营镇2023年" + REPORT)))).isEqualTo("532930104");
        assertThat(code(RESOLVER.resolve(List.of("宁夏回族自治区三营镇2023年" + REPORT)))).isEqualTo("640402100");
    }

    @Test
    void anAmbiguousFindingShowsFiveCandidatesAndCountsTheRest() {
        TitleMatch match = RESOLVER.resolve(List.of("城关镇2023年" + REPORT));

        assertThat(match.division()).isNull();
        assertThat(match.findings()).singleElement().satisfies(f -> {
            assertThat(f.actual().split(", ")).hasSize(5);
            assertThat(f.message()).contains("88 divisions", "and 83 more");
        });
    }

    @Test
    void anAmbiguousGovernmentStillNamesItsDepartment() {
        TitleMatch match = RESOLVER.resolve(List.of("朝阳区教育委员会2023年" + REPORT));

        assertThat(match.division()).isNull();
        assertThat(match.department()).isEqualTo("教育委员会");
        assertThat(match.findings()).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualTo("110105, 220104"));
        assertThat(code(RESOLVER.resolve(List.of("北京市朝阳区教育委员会2023年" + REPORT)))).isEqualTo("110105");
    }

    @Test
    void aNameInsideALongerNameIsNotCounted() {
        TitleMatch match = RESOLVER.resolve(List.of("张三营镇2023年" + REPORT));

        assertThat(code(match)).isEqualTo("130825105");
        assertThat(match.findings()).isEmpty();
    }

    @Test
    void aCityWithoutCountiesIsTheCity() {
        assertThat(code(RESOLVER.resolve(List.of("东莞市2023年" + REPORT)))).isEqualTo("4419");
    }

    @Test
    void aMunicipalitysDistrictIsFoundUnderItsMunicipality() {
        assertThat(code(RESOLVER.resolve(List.of("北京市东城区2023年" + REPORT)))).isEqualTo("110101");
        assertThat(code(RESOLVER.resolve(List.of("阳泉市城区2023年" + REPORT)))).isEqualTo("140302");
    }

    @Test
    void aTitleMayPrintTheYearFirst() {
        TitleMatch match = RESOLVER.resolve(List.of("2023年度原州区三营镇政府信息公开工作年度报告"));

        assertThat(match.year()).isEqualTo(2023);
        assertThat(code(match)).isEqualTo("640402100");
    }

    @Test
    void aYearInChineseNumeralsIsRead() {
        TitleMatch match = RESOLVER.resolve(List.of("原州区二〇二三年" + REPORT));

        assertThat(match.year()).isEqualTo(2023);
        assertThat(code(match)).isEqualTo("640402");
    }

    @Test
    void aTitleWithoutYearLeavesTheYearOpen() {
        TitleMatch match = RESOLVER.resolve(List.of("原州区" + REPORT));

        assertThat(match.year()).isNull();
        assertThat(code(match)).isEqualTo("640402");
        assertThat(match.findings()).singleElement().satisfies(f -> {
            assertThat(f.pointers()).containsExactly("/year");
            assertThat(f.message()).contains("no report year");
        });
    }

    @ParameterizedTest
    @CsvSource({"1999", "2100", "1900"})
    void aYearOutOfRangeIsNoReportYear(String printed) {
        TitleMatch match = RESOLVER.resolve(List.of("原州区" + printed + "年" + REPORT));

        assertThat(match.year()).isNull();
        assertThat(code(match)).isEqualTo("640402");
        assertThat(match.findings()).singleElement().satisfies(f -> {
            assertThat(f.pointers()).containsExactly("/year");
            assertThat(f.expected()).isEqualTo("2000 to 2099");
            assertThat(f.actual()).isEqualTo(printed);
        });
    }

    @Test
    void aTitleNamingNoUnitBeforeTheYearSaysSo() {
        TitleMatch match = RESOLVER.resolve(List.of("2023年" + REPORT));

        assertThat(match.division()).isNull();
        assertThat(match.year()).isEqualTo(2023);
        assertThat(match.findings()).singleElement().satisfies(f -> {
            assertThat(f.pointers()).containsExactly("/unit/code");
            assertThat(f.actual()).isNull();
            assertThat(f.message()).contains("no unit");
        });
    }

    @Test
    void withoutATitleNeitherUnitNorYearIsKnown() {
        TitleMatch match = RESOLVER.resolve(List.of("一、总体情况", "(一)主动公开", "规章\t0\t0\t0"));

        assertThat(match.title()).isNull();
        assertThat(match.year()).isNull();
        assertThat(match.division()).isNull();
        assertThat(match.department()).isNull();
        assertThat(match.findings()).extracting(Finding::pointers)
                .containsExactly(List.of("/unit/code"), List.of("/year"));
        assertThat(match.findings()).allSatisfy(f -> assertThat(f.message()).contains("no title"));
    }

    @Test
    void aTitleIsOnlyLookedForAmongTheFirstThirtyLines() {
        List<String> lines = new ArrayList<>(Collections.nCopies(30, "正文"));
        lines.add("原州区三营镇2023年" + REPORT);

        assertThat(RESOLVER.resolve(lines).title()).isNull();
        assertThat(RESOLVER.resolve(lines.subList(1, 31)).title()).isEqualTo("原州区三营镇2023年" + REPORT);
    }

    @Test
    void proseMentioningTheReportIsNoTitle() {
        String prose = "我镇依照《条例》要求,认真编制政府信息公开工作年度报告,按时在门户网站公布,".repeat(4);

        assertThat(RESOLVER.resolve(List.of(prose)).title()).isNull();
    }

    @Test
    void resolvingATitleTakesMillisecondsAtMost() {
        List<List<String>> titles = List.of(
                List.of("固原市原州区三营镇人民政府2023年度" + REPORT),
                List.of("城关镇2023年" + REPORT),
                List.of("平潭综合实验区君山片区管理局2024年" + REPORT));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 3_000; i++) {
                RESOLVER.resolve(titles.get(i % titles.size()));
            }
        });
    }

    private static String code(TitleMatch match) {
        Division division = match.division();
        return division == null ? null : division.code();
    }
}
