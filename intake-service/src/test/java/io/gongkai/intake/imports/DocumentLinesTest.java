package io.gongkai.intake.imports;

import io.gongkai.intake.imports.SourceDocument.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The lines the table reader scans: one per text line or table row, in one spelling whatever the source. */
class DocumentLinesTest {

    /** A page as Word saves it: office namespaces, mso styles, conditional comments, span and font soup. */
    private static final String WORD_PAGE = """
            <html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
            xmlns:w="urn:schemas-microsoft-com:office:word">
            <head>
            <meta http-equiv=Content-Type content="text/html; charset=gb2312">
            <meta name=Generator content="Microsoft Word 15">
            <title>原州区三营镇２０２３年政府信息公开工作年度报告</title>
            <!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>党政办</o:Author></o:DocumentProperties>
            </xml><![endif]-->
            <style>
            <!-- p.MsoNormal {mso-style-unhide:no; margin:0cm; font-size:10.5pt; font-family:等线;} -->
            </style>
            <script>document.write("<td>不是表格</td>");</script>
            </head>
            <body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word'>
            <div class=WordSection1 style='layout-grid:15.6pt'>
            <p class=MsoNormal align=center style='text-align:center;mso-line-height-alt:28.0pt'><b><span
            style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:"Times New Roman"'>原州区三营镇２０２３年
            政府信息公开工作年度报告<span lang=EN-US><o:p></o:p></span></span></b></p>
            <p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p>
            <p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体'>一、总体情况</span></p>
            <p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:楷体'>（一）主动公开</span><span
            lang=EN-US>&nbsp;&nbsp;&nbsp; </span><font face="仿宋">２０２３年共主动公开政务信息<span
            lang=EN-US>６</span>条。</font></p>
            <p class=MsoListParagraph><![if !supportLists]><span lang=EN-US>1.<span
            style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
            </span></span><![endif]><span>落实工作责任。</span></p>
            <table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;
             mso-table-layout-alt:fixed;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
             <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes;height:20.0pt'>
              <td width=200 colspan=3 rowspan=3 valign=top style='border:solid windowtext 1.0pt'>
              <p class=MsoNormal><span style='font-size:9.0pt'>（本列数据的勾稽关系为：第一项加第二项之和，<br>
              等于第三项加第四项之和）<span lang=EN-US><o:p></o:p></span></span></p></td>
              <td colspan=7 style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span>申请人情况<o:p>
              </o:p></span></p></td>
             </tr>
             <tr><td rowspan=2><p class=MsoNormal>自然人</p></td><td colspan=5><p>法人或其他组织</p></td>
              <td rowspan=2><p>总计</p></td></tr>
             <tr><td><p>商业<br>企业</p></td><td><p>科研</p><p>机构</p></td><td>社会公益组织</td><td>法律服务机构</td>
              <td>其他</td></tr>
             <tr style='mso-yfti-irow:3'>
              <td colspan=3><p class=MsoNormal><span>一、本年新收政府信息公开申请数量<o:p></o:p></span></p></td>
              <td><p class=MsoNormal align=center><span lang=EN-US>１<span style='mso-spacerun:yes'>２</span>３<o:p>
              </o:p></span></p></td>
              <td><p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p></td>
              <td><o:p></o:p></td><td><font color=red>0</font></td><td></td><td>0</td><td>１２３</td>
             </tr>
             <tr><td></td><td>&nbsp;</td><td><o:p></o:p></td></tr>
            </table>
            <p class=MsoNormal><span>二、主动公开政府信息情况</span></p>
            </div>
            </body>
            </html>
            """;

    @Test
    void aWordPageComesOutAsPlainLinesWithOneLinePerTableRow() {
        List<String> lines = DocumentLines.of(html(WORD_PAGE));

        assertThat(lines).containsExactly(
                "原州区三营镇2023年政府信息公开工作年度报告",
                "原州区三营镇2023年 政府信息公开工作年度报告",
                "一、总体情况",
                "(一)主动公开 2023年共主动公开政务信息6条。",
                "1. 落实工作责任。",
                "(本列数据的勾稽关系为:第一项加第二项之和, 等于第三项加第四项之和)\t申请人情况",
                "自然人\t法人或其他组织\t总计",
                "商业 企业\t科研 机构\t社会公益组织\t法律服务机构\t其他",
                "一、本年新收政府信息公开申请数量\t123\t\t\t0\t\t0\t123",
                "二、主动公开政府信息情况");
    }

    @Test
    void thePageTitleIsTheFirstLineAndTheHeadIsNotRead() {
        List<String> lines = DocumentLines.of(html("""
                <html><head><title> 三营镇  年度报告 </title><style>td { color: red }</style>
                <script>var x = 1;</script></head>
                <body><noscript>请启用脚本</noscript><p>正文</p><script>var y = 2;</script></body></html>
                """));

        assertThat(lines).containsExactly("三营镇 年度报告", "正文");
    }

    @Test
    void aPageWithoutTitleStartsWithItsBody() {
        assertThat(DocumentLines.of(html("<p>正文</p>"))).containsExactly("正文");
    }

    @Test
    void blocksAndLineBreaksOutsideTablesAreLinesOfTheirOwn() {
        List<String> lines = DocumentLines.of(html("""
                <body>导航<div>第一段<p>第二段</p>尾</div>
                <h1>标题</h1><ul><li>甲</li><li>乙</li></ul>
                一行<br>二行<br><br>三行
                <span>行</span><b>内</b>文字</body>
                """));

        assertThat(lines).containsExactly("导航", "第一段", "第二段", "尾", "标题", "甲", "乙", "一行", "二行",
                "三行 行内文字");
    }

    @Test
    void tabsInTextOutsideTablesAreSpaces() {
        assertThat(DocumentLines.of(html("<p>行政许可\t179\t</p><pre>规章\t0\n行政处罚\t0</pre>")))
                .containsExactly("行政许可 179", "规章 0", "行政处罚 0");
    }

    @Test
    void emptyCellsStayEmptyFieldsAndSpansAreNotExpanded() {
        List<String> lines = DocumentLines.of(html("""
                <table>
                <tr><th rowspan=2>信息内容</th><th colspan=3>件数</th></tr>
                <tr><td>a</td><td></td><td>1</td></tr>
                <tr><td></td><td>&nbsp;</td><td>2</td></tr>
                <tr><td>3</td><td></td><td></td></tr>
                </table>"""));

        assertThat(lines).containsExactly("信息内容\t件数", "a\t\t1", "\t\t2", "3\t\t");
    }

    @Test
    void aCellHoldingATableLaysOutThePageAndTheInnerRowsAreLines() {
        List<String> lines = DocumentLines.of(html("""
                <table><tr><td>首页 &gt; 政务公开</td><td>
                  <p>三、收到和处理政府信息公开申请情况</p>
                  <table><tr><td>（一）予以公开</td><td>3</td></tr>
                         <tr><td>（二）部分公开</td><td>0</td></tr></table>
                  <p>四、行政复议</p>
                </td></tr>
                <tr><td>打印</td><td>关闭</td></tr></table>"""));

        assertThat(lines).containsExactly("首页 > 政务公开", "三、收到和处理政府信息公开申请情况", "(一)予以公开\t3",
                "(二)部分公开\t0", "四、行政复议", "打印\t关闭");
    }

    @Test
    void aCaptionIsALineBeforeItsRows() {
        assertThat(DocumentLines.of(html("<table><caption>表一</caption><tr><td>规章</td><td>0</td></tr></table>")))
                .containsExactly("表一", "规章\t0");
    }

    @Test
    void textLinesAreSplitAtEveryKindOfLineEnd() {
        assertThat(DocumentLines.of(text("一\r\n二\n三\r四\r\n\r\n五\f六"))).containsExactly("一", "二", "三", "四", "五", "六");
    }

    @Test
    void fullWidthFormsBecomeAscii() {
        assertThat(DocumentLines.of(text("（一）予以公开　１２３\nＡＢＣ：％")))
                .containsExactly("(一)予以公开 123", "ABC:%");
    }

    @Test
    void spacesAreCollapsedAndTrimmedAndInvisibleCharactersRemoved() {
        assertThat(DocumentLines.of(text("\u00A0 行政\u200B许可  \u3000 179\u00A0\u00A0\n\uFEFF规\u200C章\u200D")))
                .containsExactly("行政许可 179", "规章");
    }

    @Test
    void tabsAreKeptForTheirEmptyCellsAndTheirPaddingDropped() {
        assertThat(DocumentLines.of(text("第二十条第（一）项\t\t\t\n\t\t3.危及“三安全一稳定”\t0\t0\n规章 \t 0\t0 ")))
                .containsExactly("第二十条第(一)项\t\t\t", "\t\t3.危及“三安全一稳定”\t0\t0", "规章\t0\t0");
    }

    @Test
    void linesWithNothingInThemAreDropped() {
        assertThat(DocumentLines.of(text("\n  \n\t\t\t\n\u3000\n规章\n\u200B\n"))).containsExactly("规章");
    }

    @Test
    void aTextCopyOfAReportKeepsItsRows() {
        String copy = String.join("\n",
                "原州区三营镇 2023年政府信息公开工作年度报告",
                "",
                "第二十条第（五）项\t\t\t",
                "信息内容\t本年处理决定数量\t\t",
                "行政许可\t179\t\t",
                "三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0\t",
                "（一）予以公开 3000003",
                "10 0 0 0 01");

        assertThat(DocumentLines.of(text(copy))).containsExactly(
                "原州区三营镇 2023年政府信息公开工作年度报告",
                "第二十条第(五)项\t\t\t",
                "信息内容\t本年处理决定数量\t\t",
                "行政许可\t179\t\t",
                "三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0\t",
                "(一)予以公开 3000003",
                "10 0 0 0 01");
    }

    @Test
    void aHostilelyNestedPageIsReadInBoundedTime() {
        String nested = "<div>".repeat(200_000) + "三营镇" + "<table><tr><td>".repeat(50_000) + "0";

        List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> DocumentLines.of(html(nested)));

        assertThat(lines).contains("三营镇");
    }

    private static SourceDocument html(String page) {
        return new SourceDocument(page, Kind.HTML, "UTF-8");
    }

    private static SourceDocument text(String text) {
        return new SourceDocument(text, Kind.TEXT, "UTF-8");
    }
}
