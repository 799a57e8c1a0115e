package io.gongkai.intake.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.StatisticsJson;

import java.util.List;

/** The report's text parts (一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项) as a submission's texts. */
final class ReportParts {

    /** A submission's text field holds at most this many characters (the validator's bound). */
    static final int MAX_CHARACTERS = 100_000;

    private ReportParts() {
    }

    static ObjectNode of(String document) {
        ObjectNode text = StatisticsJson.NODES.objectNode();
        int one = first(document, List.of("一、总体情况", "总体情况"), 0);
        int two = first(document, List.of("二、主动公开政府信息情况"), Math.max(one, 0));
        int five = first(document, List.of("五、存在的主要问题及改进情况", "五、存在的主要问题"), Math.max(two, 0));
        int six = first(document, List.of("六、其他需要报告的事项"), Math.max(five, 0));
        put(text, "overview", document, one, List.of("一、总体情况", "总体情况"), two);
        put(text, "problemsAndImprovements", document, five, List.of("五、存在的主要问题及改进情况", "五、存在的主要问题"),
                six < 0 ? document.length() : six);
        put(text, "otherMatters", document, six, List.of("六、其他需要报告的事项"), document.length());
        return text;
    }

    private static void put(ObjectNode text, String field, String document, int start, List<String> headings, int end) {
        if (start < 0) {
            return;
        }
        int from = start;
        for (String heading : headings) {
            if (document.startsWith(heading, start)) {
                from = start + heading.length();
                break;
            }
        }
        if (end < from) {
            return;
        }
        int to = end;
        String part = document.substring(from, to).strip();
        if (!part.isEmpty()) {
            text.put(field, part.length() <= MAX_CHARACTERS ? part : part.substring(0, MAX_CHARACTERS));
        }
    }

    private static int first(String document, List<String> marks, int from) {
        for (String mark : marks) {
            int at = document.indexOf(mark, from);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }
}
