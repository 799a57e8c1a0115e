package io.gongkai.intake.imports;

import io.gongkai.intake.imports.PrintedDocument.Block;
import io.gongkai.intake.imports.PrintedDocument.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose of a report, with the figures prose carries in real ones: dates, counts that are no cell of the form
 * (信息…条, 政务新媒体…个), the names of rows used in sentences (行政许可、行政处罚等“双公示”信息), and the figures
 * of some cells restated (收到政府信息公开申请N件, 现行有效行政规范性文件N件) as the table prints them.
 */
final class ReportProse {

    private static final Pattern CIRCULAR = Pattern.compile("国办公开办函〔\\d{4}〕\\d+号");

    private final PrintedReport report;
    private final Random random;
    private final String we;
    private final int year;
    private final String processingFee;

    ReportProse(PrintedReport report, Random random) {
        this.report = report;
        this.random = random;
        this.we = report.unitName().endsWith("镇") ? "我镇" : "我区";
        this.year = report.year();
        this.processingFee = random.nextInt(3) == 0 ? String.valueOf(10 * random.nextInt(60)) : "0";
    }

    /** The information-processing fee in yuan the report states (and a local table may print). */
    String processingFee() {
        return processingFee;
    }

    List<String> introduction() {
        return List.of("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发"
                + "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（" + circular() + "）要求，由" + report.unitName()
                + "编制。本报告所列数据的统计期限自" + year + "年1月1日起至" + year + "年12月31日止。如对本报告有疑问，请与"
                + report.unitName() + "党政办公室联系（电话：0954-" + (2_000_000 + random.nextInt(8_000_000)) + "）。");
    }

    /** The circular that issued the report's form, as the form's title names it. */
    private String circular() {
        Matcher circular = CIRCULAR.matcher(report.form().title());
        return circular.find() ? circular.group() : report.form().title();
    }

    List<Block> overview() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("（一）主动公开", true));
        StringBuilder active = new StringBuilder(year + "年，" + we + "通过政府网站主动公开政府信息" + (5 + random.nextInt(900))
                + "条，内容包括机构职能、部门预决算、民生事项等。");
        if (random.nextBoolean()) {
            active.append("在政府网站公示行政许可、行政处罚等“双公示”信息").append(random.nextInt(400)).append("条。");
        }
        if (report.has(PrintedReport.Variant.DOCUMENT_COUNTS_IN_PROSE)) {
            active.append("集中公开现行有效行政规范性文件")
                    .append(report.get("activeDisclosure.normativeDocuments.inForce")).append("件，动态更新")
                    .append(random.nextBoolean() ? "本年度制发规范性文件" : "本年度制发的规范性文件")
                    .append(report.get("activeDisclosure.normativeDocuments.issued")).append("件。");
        }
        blocks.add(new Paragraph(active.toString(), false));
        blocks.add(new Paragraph("（二）依申请公开", true));
        long received = report.get("applications.newReceived.total").longValueExact();
        blocks.add(new Paragraph(received == 0
                ? year + "年度，" + we + "未收到政府信息公开申请。"
                : year + "年，" + we + "共收到政府信息公开申请" + received + "件，均在法定期限内予以答复。", false));
        blocks.add(new Paragraph("（三）政府信息管理", true));
        blocks.add(new Paragraph(we + "严格按照《保密审查制度》对拟公开的政府信息进行保密审查，全年审查信息" + (10 + random.nextInt(500))
                + "条，未发生泄密事件。", false));
        blocks.add(new Paragraph("（四）平台建设", true));
        blocks.add(new Paragraph("积极配合区政府做好政府网站内容建设工作，维护政务新媒体" + (1 + random.nextInt(40)) + "个，"
                + "及时更新“三营发布”平台信息。", false));
        blocks.add(new Paragraph("（五）监督保障", true));
        blocks.add(new Paragraph("落实工作责任，组织政务公开业务培训" + (1 + random.nextInt(6)) + "次，确保政务公开工作有序推进。", false));
        return blocks;
    }

    List<String> problems() {
        return List.of(year + "年，" + we + "政务公开工作取得了一定成效，但仍存在一些不足：一是公开内容不够丰富；二是政策解读形式单一。",
                (year + 1) + "年，" + we + "将从两个方面着力加强：一是统一认识，规范工作流程；二是加强政策解读和研究。");
    }

    List<String> otherMatters() {
        return List.of("0".equals(processingFee)
                ? "本机关" + year + "年未收取政府信息公开信息处理费。"
                : year + "年度，本机关依据《政府信息公开信息处理费管理办法》收取信息处理费" + processingFee + "元。");
    }

    List<String> signature() {
        return List.of(report.unitName(), (year + 1) + "年1月" + (10 + random.nextInt(20)) + "日");
    }
}
