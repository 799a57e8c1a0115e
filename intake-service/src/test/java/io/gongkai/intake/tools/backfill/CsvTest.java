package io.gongkai.intake.tools.backfill;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
        String text = "file,unitCode\r\n\"a, \"\"b\"\".txt\",640402100\r\n\"two\nlines.txt\",\n plain ,\"\"\n";

        assertThat(Csv.parse(text)).containsExactly(
                List.of("file", "unitCode"),
                List.of("a, \"b\".txt", "640402100"),
                List.of("two\nlines.txt", ""),
                List.of(" plain ", ""));
    }

    @Test
    void whatIsWrittenIsReadBackAsItWas() {
        List<String> row = List.of("原州区/寨科乡 \"2024\", 定稿.txt", "", "plain", "line\r\nbreak");

        assertThat(Csv.row(row)).isEqualTo("\"原州区/寨科乡 \"\"2024\"\", 定稿.txt\",,plain,\"line\r\nbreak\"\r\n");
        assertThat(Csv.parse(Csv.row(row) + Csv.row(row))).containsExactly(row, row);
    }

    @Test
    void anUnclosedQuoteOrTextAfterAClosingQuoteIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Csv.parse("file\n\"open.txt,1\n")).hasMessageContaining("line 2")
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> Csv.parse("file\n\"a\"b,1\n")).hasMessageContaining("line 2")
                .hasMessageContaining("after a closing quote");
    }
}
