package io.gongkai.contracts.form;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What carries from the 2019 trial form into the keys of the 2021 form (FORMAT-2019.md, "Comparable across versions"). */
class ComparabilityTest {

    private static final FormDefinition V2019 = Forms.require("2019");
    private static final FormDefinition V2021 = Forms.require("2021");

    @Test
    void theKeysBothFormsShareCarryAsTheyAre() {
        List<Comparability.Reading> same = V2021.cells().stream().map(c -> Comparability.reading(c.key(), V2019))
                .filter(r -> !r.absent() && !r.derived()).toList();

        assertThat(same).hasSize(172).allSatisfy(r -> assertThat(r.match()).isEqualTo(Comparability.Match.SAME));
        assertThat(same).extracting(Comparability.Reading::key)
                .allMatch(key -> key.startsWith("applications.") && !key.startsWith("applications.results.other.")
                        || key.startsWith("reviewLitigation.") || key.endsWith(".decisions"));
    }

    @Test
    void otherHandlingIsComparableOnlyAsTheSumOfTheNewFormsThreeRows() {
        List<String> keys = Comparability.keys(V2021, List.of(V2019, V2021));
        assertThat(keys).hasSize(V2021.cells().size() + 7).contains("applications.results.other.naturalPerson");
        assertThat(Comparability.keys(V2021, List.of(V2021))).hasSize(V2021.cells().size());

        Comparability.Reading inNewForm = Comparability.reading("applications.results.other.total", V2021);
        assertThat(inNewForm.match()).isEqualTo(Comparability.Match.SUM);
        assertThat(inNewForm.derived()).isTrue();
        assertThat(inNewForm.cells()).extracting(Cell::key).containsExactly(
                "applications.results.other.overdueCorrection.total", "applications.results.other.overdueFee.total",
                "applications.results.other.other.total");
        Comparability.Reading inOldForm = Comparability.reading("applications.results.other.total", V2019);
        assertThat(inOldForm.derived()).isFalse();
        assertThat(inOldForm.cells()).extracting(Cell::key).containsExactly("applications.results.other.total");
        assertThat(Comparability.reading("applications.results.other.other.total", V2019).absent()).isTrue();
    }

    @Test
    void regulationsMadeCarryApproximatelyAndWhatIsNotComparableIsAbsent() {
        Comparability.Reading regulations = Comparability.reading("activeDisclosure.regulations.issued", V2019);
        assertThat(regulations.match()).isEqualTo(Comparability.Match.APPROXIMATE);
        assertThat(regulations.cells()).extracting(Cell::key).containsExactly("activeDisclosure.regulations.newlyMade");

        for (String key : List.of("activeDisclosure.normativeDocuments.issued", "activeDisclosure.regulations.inForce",
                "activeDisclosure.normativeDocuments.inForce", "activeDisclosure.regulations.repealed",
                "activeDisclosure.fees.amountWanYuan")) {
            assertThat(Comparability.reading(key, V2019).absent()).as(key).isTrue();
        }
        assertThat(Comparability.reading("activeDisclosure.procurement.totalAmount", V2021).absent()).isTrue();
    }
}
