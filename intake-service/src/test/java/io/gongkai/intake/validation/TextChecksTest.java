package io.gongkai.intake.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.Severity;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.Reports;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the text checks find in a report's prose, and what they leave alone. */
class TextChecksTest {

    /** The sentence of the published 三营镇 report that kept its template's placeholder. */
    private static final String SANYING_MESSAGES = "一是积极做好各类热线电话、领导信箱、网络征集等政民互动渠道的日常维护，严格落实各渠道办理时限，"
            + "规范做好留言选登。办理中国政府网网民留言x件；二是以推动基层政务公开标准化规范化为抓手，全面推广村务公开试点经验。";

    @Nested
    class Placeholders {

        @Test
        void theSanyingReportsMessageCountIsAPlaceholder() {
            List<Finding> findings = otherMatters(SANYING_MESSAGES, sanying());

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(TextChecks.PLACEHOLDER);
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.pointers()).containsExactly("/text/otherMatters");
                assertThat(f.actual()).isEqualTo("办理中国政府网网民留言x件");
                assertThat(f.message()).contains("x件");
            });
        }

        @Test
        void fillInsWhereAFigureOrNameBelongsAreFound() {
            for (String sentence : List.of("共XX条", "共公开信息X件", "收到申请xx件", "××局负责", "发布于20XX年",
                    "x月x日召开会议", "某某镇人民政府", "某某同志", "由XXX负责", "办理ＸＸ件", "联系人＊＊", "共计×项",
                    "共□□份")) {
                assertThat(rules(overview(sentence, sanying()))).as(sentence).containsExactly(TextChecks.PLACEHOLDER);
            }
        }

        @Test
        void wordsNumbersAndAddressesWithAnXAreNotPlaceholders() {
            for (String sentence : List.of("以XML和Excel格式公开数据", "服务器为x86架构", "网址https://xxgk.nx.gov.cn/xx/index.html",
                    "采购X光机1台", "屏幕1920×1080像素", "面积3×4米", "申请人张某某不服答复", "一是**统一认识，规范工作流程**",
                    "使用Windows XP系统", "尺码XXL", "邮箱xx@nx.gov.cn", "某单位报送材料", "二〇〇〇年以来")) {
                assertThat(overview(sentence, sanying())).as(sentence).isEmpty();
            }
        }

        @Test
        void aSentenceIsReportedOnceAndALongOneIsShownAroundThePlaceholder() {
            String sentence = "政".repeat(300) + "办理留言x件和来信x件" + "务".repeat(300);

            Finding finding = overview(sentence, sanying()).get(0);

            assertThat(overview(sentence, sanying())).hasSize(1);
            assertThat(finding.actual()).contains("留言x件").startsWith("…").endsWith("…");
            assertThat(finding.actual().length()).isLessThanOrEqualTo(122);
        }
    }

    @Nested
    class PartFive {

        @Test
        void anEmptyOrMissingPartFiveIsReported() {
            for (String empty : List.of("", "   ", "——", "/", "。")) {
                ObjectNode text = sanyingText();
                text.put("problemsAndImprovements", empty);
                assertThat(TextChecks.ofSubmission(text, sanying())).as("「" + empty + "」").singleElement()
                        .satisfies(f -> {
                            assertThat(f.rule()).isEqualTo(TextChecks.EMPTY_PART5);
                            assertThat(f.pointers()).containsExactly("/text/problemsAndImprovements");
                        });
            }
            ObjectNode missing = sanyingText();
            missing.remove("problemsAndImprovements");
            assertThat(TextChecks.ofSubmission(missing, sanying())).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("missing"));
        }

        @Test
        void aPartFiveWithContentOrAReportWithoutTextsIsNotReported() {
            assertThat(TextChecks.ofSubmission(sanyingText(), sanying())).isEmpty();
            assertThat(TextChecks.ofSubmission(null, sanying())).isEmpty();
        }
    }

    @Nested
    class NoApplications {

        @Test
        void sayingNoneWereReceivedWithNoneInTheTableIsConsistent() {
            assertThat(TextChecks.ofSubmission(sanyingText(), sanying())).isEmpty();
        }

        @Test
        void sayingNoneWereReceivedContradictsApplicationsInTheTable() {
            List<Finding> findings = TextChecks.ofSubmission(sanyingText(), received(5));

            assertThat(findings).hasSize(2).allSatisfy(f -> {
                assertThat(f.rule()).isEqualTo(TextChecks.CONTRADICTS_TABLE);
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.pointers()).last().isEqualTo("/applications/newReceived/total");
                assertThat(f.expected()).isEqualTo("5");
            });
            assertThat(findings.get(0).pointers()).first().isEqualTo("/text/overview");
            assertThat(findings.get(0).actual()).isEqualTo("2023年度，我镇未收到信息公开申请和通过电子邮件提交的信息公开申请");
            assertThat(findings.get(1).pointers()).first().isEqualTo("/text/otherMatters");
            assertThat(findings.get(1).actual()).isEqualTo("本机关2023年未收到政府信息公开申请，未收取信息处理费");
        }

        @Test
        void everyWayOfSayingNoneIsRead() {
            for (String sentence : List.of("本年度没有收到政府信息公开申请", "本年度无依申请公开事项", "依申请公开0件",
                    "依申请公开方面，本年度共收到申请0件", "尚未受理政府信息公开申请")) {
                assertThat(overview(sentence, received(5))).as(sentence).singleElement()
                        .satisfies(f -> assertThat(f.pointers()).contains("/applications/newReceived/total"));
            }
        }

        @Test
        void otherKindsOfApplicationAndPartialStatementsAreLeftAlone() {
            for (String sentence : List.of("本年度未收到政府信息公开行政复议申请", "共收到申请5件，未收到通过信函提交的申请",
                    "未收到其他政府信息公开申请", "无论依申请公开还是主动公开，均按时办理", "依申请公开答复超期0件",
                    "对无法提供的依申请公开事项作出说明", "未收到申请人补正材料的，按规定处理")) {
                assertThat(overview(sentence, received(5))).as(sentence).isEmpty();
            }
        }

        @Test
        void aBlankTableCellIsNeverContradicted() {
            CellValues blank = with(Map.of(), "applications.newReceived.total");
            assertThat(TextChecks.ofSubmission(sanyingText(), blank)).isEmpty();
        }
    }

    @Nested
    class Figures {

        @Test
        void receivedApplicationsAreComparedWithTheNewReceivedTotal() {
            List<Finding> findings = overview("本年度共收到政府信息公开申请12件，均已按时答复", received(5));

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(TextChecks.CONTRADICTS_TABLE);
                assertThat(f.pointers()).containsExactly("/text/overview", "/applications/newReceived/total");
                assertThat(f.expected()).isEqualTo("5");
                assertThat(f.actual()).isEqualTo("本年度共收到政府信息公开申请12件，均已按时答复");
                assertThat(f.message()).contains("12").contains("本年新收");
            });
            assertThat(overview("本年度共收到政府信息公开申请5件", received(5))).isEmpty();
            assertThat(overview("全年共受理政府信息公开申请五件", received(5))).isEmpty();
            assertThat(overview("全年共受理政府信息公开申请十二件", received(5))).hasSize(1);
            assertThat(overview("本年新收政府信息公开申请数量为１２件", received(12))).isEmpty();
        }

        /** Sentences of 平潭综合实验区's 2022 report, whose 75 received are its 74 new and 1 carried over. */
        @Test
        void figuresAsAPublishedReportStatesThemAgreeWithItsTables() {
            CellValues pingtan = with(Map.of("applications.newReceived.total", 74, "applications.carriedOver.total", 1,
                    "activeDisclosure.normativeDocuments.inForce", 698, "activeDisclosure.normativeDocuments.issued", 88,
                    "reviewLitigation.review.total", 2, "reviewLitigation.litigationDirect.total", 1));

            assertThat(overview("2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。"
                    + "一是做好规范性文件公开。设立规范性文件库，集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。"
                    + "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。", pingtan)).isEmpty();
            assertThat(overview("2022年，全区收到政府信息公开申请76件", pingtan)).singleElement()
                    .satisfies(f -> assertThat(f.expected()).isEqualTo("74"));
        }

        @Test
        void aNumberOutsideTheKeywordsClauseOrCountedWithCarriedOverIsLeftAlone() {
            for (String sentence : List.of("共收到政府信息公开申请，其中12件予以公开", "共收到政府信息公开申请12件（含上年结转7件）",
                    "收到和处理政府信息公开申请12件", "收到申请人提交的材料12件", "收到政府信息公开申请十余件",
                    "共收到政府信息公开申请1,200件")) {
                assertThat(overview(sentence, received(5))).as(sentence).isEmpty();
            }
        }

        @Test
        void documentsInForceAndIssuedAreComparedWithTableTwo() {
            CellValues values = with(Map.of("activeDisclosure.normativeDocuments.inForce", 12,
                    "activeDisclosure.normativeDocuments.issued", 3, "activeDisclosure.regulations.inForce", 0));

            assertThat(pointers(overview("现行有效的行政规范性文件15件", values)))
                    .containsExactly("/text/overview", "/activeDisclosure/normativeDocuments/inForce");
            assertThat(pointers(overview("行政规范性文件现行有效15件", values)))
                    .containsExactly("/text/overview", "/activeDisclosure/normativeDocuments/inForce");
            assertThat(pointers(overview("现行有效规章2件", values)))
                    .containsExactly("/text/overview", "/activeDisclosure/regulations/inForce");
            assertThat(pointers(overview("本年度制发行政规范性文件4件", values)))
                    .containsExactly("/text/overview", "/activeDisclosure/normativeDocuments/issued");
            assertThat(pointers(overview("2023年印发规范性文件两件", values)))
                    .containsExactly("/text/overview", "/activeDisclosure/normativeDocuments/issued");

            assertThat(overview("本年度制发行政规范性文件3件，现行有效的行政规范性文件12件，现行有效规章0件", values)).isEmpty();
            assertThat(overview("现行有效规章和规范性文件共15件", values)).isEmpty();
            assertThat(overview("2018年以来累计印发规范性文件50件", values)).isEmpty();
            assertThat(overview("现行有效的规章制度15件", values)).isEmpty();
        }

        @Test
        void reviewAndLitigationAreComparedWithTableFour() {
            CellValues values = with(Map.of("reviewLitigation.review.total", 2,
                    "reviewLitigation.litigationDirect.total", 1, "reviewLitigation.litigationAfterReview.total", 1));

            assertThat(overview("发生政府信息公开行政复议案件2起，行政诉讼2件", values)).isEmpty();
            assertThat(pointers(overview("发生政府信息公开行政复议案件3起", values)))
                    .containsExactly("/text/overview", "/reviewLitigation/review/total");
            assertThat(overview("因政府信息公开引起行政诉讼1件", values)).singleElement().satisfies(f -> {
                assertThat(f.pointers()).containsExactly("/text/overview", "/reviewLitigation/litigationDirect/total",
                        "/reviewLitigation/litigationAfterReview/total");
                assertThat(f.expected()).isEqualTo("2");
            });
            assertThat(overview("行政复议纠错1件", values)).isEmpty();
        }

        @Test
        void aBlankCellIsNeverContradicted() {
            CellValues values = with(Map.of(), "reviewLitigation.review.total");
            assertThat(overview("发生政府信息公开行政复议案件3起", values)).isEmpty();
        }

        @Test
        void oneSentenceContradictsOneCellOnce() {
            assertThat(overview("依申请公开方面，本年度共收到政府信息公开申请0件，依申请公开0件", received(5))).hasSize(1);
        }
    }

    @Nested
    class WholeDocument {

        @Test
        void thePublishedSanyingReportHasOnlyItsPlaceholder() {
            List<Finding> findings = TextChecks.ofDocument(sample(), sanying());

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(TextChecks.PLACEHOLDER);
                assertThat(f.pointers()).containsExactly(TextChecks.DOCUMENT);
                assertThat(f.actual()).isEqualTo("办理中国政府网网民留言x件");
            });
        }

        @Test
        void theSameRulesReadTheWholeDocument() {
            List<Finding> findings = TextChecks.ofDocument(sample(), received(3));

            assertThat(rules(findings)).containsExactly(TextChecks.CONTRADICTS_TABLE, TextChecks.PLACEHOLDER,
                    TextChecks.CONTRADICTS_TABLE);
            assertThat(findings.get(0).pointers()).containsExactly(TextChecks.DOCUMENT, "/applications/newReceived/total");
        }

        @Test
        void anEmptyOrMissingPartFiveIsFoundBetweenTheHeadings() {
            String text = sample();
            int five = text.indexOf("五、存在的主要问题及改进情况");
            int six = text.indexOf("六、其他需要报告的事项");
            String empty = text.substring(0, five) + "五、存在的主要问题及改进情况\n\n" + text.substring(six);
            String missing = text.substring(0, five) + text.substring(six);

            assertThat(rules(TextChecks.ofDocument(empty, sanying()))).contains(TextChecks.EMPTY_PART5);
            assertThat(TextChecks.ofDocument(missing, sanying())).filteredOn(f -> f.rule().equals(TextChecks.EMPTY_PART5))
                    .singleElement().satisfies(f -> assertThat(f.message()).contains("no part 五"));
        }
    }

    @Nested
    class Bounds {

        @Test
        void atMostFiftyWarningsAreListedThenOneSaysThereAreMore() {
            assertThat(overview("办理留言x件。".repeat(TextChecks.MAX_WARNINGS), sanying()))
                    .hasSize(TextChecks.MAX_WARNINGS).allMatch(f -> f.rule().equals(TextChecks.PLACEHOLDER));

            List<Finding> findings = overview("办理留言x件。".repeat(60), sanying());

            assertThat(findings).hasSize(TextChecks.MAX_WARNINGS + 1);
            assertThat(findings.get(TextChecks.MAX_WARNINGS)).satisfies(f -> {
                assertThat(f.rule()).isEqualTo(TextChecks.LIMIT);
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.pointers()).containsExactly("/text");
            });
        }

        /**
         * Each text is as long as a field may be and aims at one pattern: long runs, a keyword without what
         * follows it, many sentences, many clauses. Time is the thread's CPU time, the best of five warm runs, so
         * that other work on the machine does not count.
         */
        @Test
        void hostileTextsOfTheLongestAllowedLengthAreEachReadInWellUnderAHundredMilliseconds() {
            int length = SubmissionValidator.MAX_TEXT_LENGTH;
            Map<String, String> hostile = new java.util.LinkedHashMap<>();
            hostile.put("收到 then x", "收到" + "x".repeat(length - 2));
            hostile.put("未收到申请 repeated", "未收到申请".repeat(length / 5));
            hostile.put("未收到 without 申请", "未收到".repeat(length / 3));
            hostile.put("依申请公开 repeated", "依申请公开".repeat(length / 5));
            hostile.put("× run then a letter", "×".repeat(length - 1) + "a");
            hostile.put("x and × alternating", "x×".repeat(length / 2));
            hostile.put("x run then a measure word", "x".repeat(length - 1) + "件");
            hostile.put("某 run", "某".repeat(length));
            hostile.put("现行有效 repeated", "现行有效".repeat(length / 4));
            hostile.put("行政复议 then filler", "行政复议" + "共".repeat(length - 4));
            hostile.put("digits then 件", "1".repeat(length - 1) + "件");
            hostile.put("commas", "，".repeat(length));
            hostile.put("clauses with 件", "收到申请1件，".repeat(length / 7));
            hostile.put("sentences that agree", "共收到政府信息公开申请5件。".repeat(length / 15));
            hostile.put("sentences that disagree", "共收到政府信息公开申请12件。".repeat(length / 16));
            CellValues values = received(5);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

            for (Map.Entry<String, String> text : hostile.entrySet()) {
                assertThat(text.getValue().length()).isLessThanOrEqualTo(length);
                ObjectNode fields = textOf(text.getValue());
                long best = Long.MAX_VALUE;
                for (int run = 0; run < 5; run++) {
                    long start = threads.getCurrentThreadCpuTime();
                    List<Finding> findings = TextChecks.ofSubmission(fields, values);
                    best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
                    assertThat(findings).hasSizeLessThanOrEqualTo(TextChecks.MAX_WARNINGS + 1);
                }
                assertThat(best / 1_000_000).as(text.getKey() + " (ms)").isLessThan(100);
            }
        }
    }

    private static List<Finding> overview(String sentence, CellValues values) {
        return TextChecks.ofSubmission(textOf(sentence), values);
    }

    private static List<Finding> otherMatters(String sentence, CellValues values) {
        ObjectNode text = Reports.JSON.createObjectNode();
        text.put("problemsAndImprovements", "政策解读力度需进一步加大。");
        text.put("otherMatters", sentence);
        return TextChecks.ofSubmission(text, values);
    }

    /** An overview with a part 五, so that only what the overview says is reported. */
    private static ObjectNode textOf(String overview) {
        ObjectNode text = Reports.JSON.createObjectNode();
        text.put("overview", overview);
        text.put("problemsAndImprovements", "政策解读力度需进一步加大。");
        return text;
    }

    private static ObjectNode sanyingText() {
        return ((ObjectNode) Reports.sanying().get("text")).deepCopy();
    }

    /** The 三营镇 figures: every cell 0 except 179 licensing decisions. */
    private static CellValues sanying() {
        return StatisticsJson.read(Forms.require("2021"), Reports.sanying());
    }

    private static CellValues received(int total) {
        return with(Map.of("applications.newReceived.total", total));
    }

    /** The 三营镇 figures with some cells changed and some left blank. */
    private static CellValues with(Map<String, Integer> changed, String... blank) {
        ObjectNode report = Reports.sanying();
        changed.forEach((key, value) -> Reports.set(report, key, value));
        for (String key : blank) {
            Reports.remove(report, key);
        }
        return StatisticsJson.read(Forms.require("2021"), report);
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    private static List<String> pointers(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0).pointers();
    }

    private static String sample() {
        try (InputStream in = TextChecksTest.class.getResourceAsStream("/samples/sanying-township-2023.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
