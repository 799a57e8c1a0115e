package io.gongkai.contracts.tables;

import io.gongkai.contracts.api.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static io.gongkai.contracts.tables.Representation.HTML;
import static io.gongkai.contracts.tables.Representation.JSON;
import static io.gongkai.contracts.tables.Representation.XLSX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepresentationTest {

    @Test
    void jsonUnlessTheClientPrefersAnother() {
        assertThat(Representation.choose(null, null)).contains(JSON);
        assertThat(Representation.choose(null, "")).contains(JSON);
        assertThat(Representation.choose(null, "*/*")).contains(JSON);
        assertThat(Representation.choose(null, "application/json")).contains(JSON);
        assertThat(Representation.choose(null, "application/*")).as("JSON first among equals").contains(JSON);
        assertThat(Representation.choose(null, "text/html, application/json")).contains(JSON);
    }

    @Test
    void theAcceptHeaderChoosesByQualityAndSpecificity() {
        assertThat(Representation.choose(null, "text/html")).contains(HTML);
        assertThat(Representation.choose(null, "TEXT/HTML; charset=utf-8")).contains(HTML);
        assertThat(Representation.choose(null, "text/*")).contains(HTML);
        assertThat(Representation.choose(null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .as("a browser following a link").contains(HTML);
        assertThat(Representation.choose(null, Representation.XLSX_MEDIA_TYPE)).contains(XLSX);
        assertThat(Representation.choose(null, "application/json;q=0.5, " + Representation.XLSX_MEDIA_TYPE)).contains(XLSX);
        assertThat(Representation.choose(null, "*/*;q=0.1, application/json;q=0")).as("q=0 refuses").contains(HTML);
    }

    @Test
    void nothingWhenTheHeaderAcceptsNoneOfThem() {
        assertThat(Representation.choose(null, "image/png")).isEmpty();
        assertThat(Representation.choose(null, "application/pdf, text/plain")).isEmpty();
        assertThat(Representation.choose(null, "text/html;q=0")).isEmpty();
        assertThat(Representation.choose(null, "text/html;q=2")).as("a quality out of range counts as none").isEmpty();
        assertThat(Representation.choose(null, ",;,;=;q")).isEmpty();
        assertThat(Representation.choose(null, "image/png, ".repeat(100) + "text/html"))
                .as("ranges past the 64th are not read").isEmpty();
    }

    @Test
    void theFormatParameterWinsAndAnUnknownOneIsNamed() {
        assertThat(Representation.choose("html", "application/json")).contains(HTML);
        assertThat(Representation.choose("XLSX", null)).contains(XLSX);
        assertThat(Representation.choose("json", "text/html")).contains(JSON);
        assertThat(Representation.choose("", "text/html")).as("empty is absent").contains(HTML);
        assertThatThrownBy(() -> Representation.choose("pdf", null)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> {
                    assertThat(e.parameter()).isEqualTo("format");
                    assertThat(e.getMessage()).contains("json, html or xlsx").contains("pdf");
                });
    }

    @Test
    void eachHasItsMediaType() {
        assertThat(HTML.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(XLSX.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(JSON.contentType()).isEqualTo("application/json");
        assertThat(XLSX.format()).isEqualTo("xlsx");
    }

    @Test
    void aWorkbookIsADownloadAndTheDocumentRunsNothing() {
        assertThat(XLSX.headers("640402-2023")).containsEntry("Content-Disposition",
                "attachment; filename=\"640402-2023.xlsx\"");
        assertThat(XLSX.headers("640402\"; x=\r\n-2023").get("Content-Disposition"))
                .isEqualTo("attachment; filename=\"640402___x___-2023.xlsx\"");
        assertThat(HTML.headers("x")).containsEntry("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        assertThat(JSON.headers("x")).isEmpty();
    }
}
