package cn.dongcheng.platform.population.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person-source tests again with every line its own bulk batch: a batch is then read and linked while the one
 * before it is stored, records and person, so whatever it reads of that batch's persons or records must wait for the
 * store.
 */
@TestPropertySource(properties = {"platform.bulk.batch-size=1", "platform.bulk.max-retries=3"})
class PersonSourcesAcrossBatchesIT extends PersonSourcesApiIT {

    /**
     * Line by line, the moved record's line is refused and the person's other line, in a batch of its own, is linked
     * without it (in one batch all of the person's lines are refused together).
     */
    @Override
    @Test
    void aSourceRecordDeliveredAgainUnderAnotherIdNumberIsRejectedAndBothPersonsStayAsTheyWere() {
        String zhou = id("11010119770707011");
        String wu = id("11010119770707020");
        deliverOk(line("source", "CENSUS", "sourceId", "C-Z", "sourceDate", "2020-11-01", "idNumber", zhou, "name", "周杰",
                "residenceStreetCode", "110101013"));
        LinkedPerson before = pages.get(registry.alias(), zhou, LinkedPerson.class).orElseThrow();

        JsonNode report = deliverOk(
                line("source", "CENSUS", "sourceId", "C-Z", "sourceDate", "2020-11-01", "idNumber", wu, "name", "吴芳",
                        "residenceStreetCode", "110101014"),
                line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-W", "sourceDate", "2019-01-01", "idNumber", wu,
                        "name", "吴芳", "hukouPlace", "110101", "registrationStreetCode", "110101014"));

        assertThat(report.path("accepted").asInt()).isEqualTo(1);
        assertThat(report.path("rejected")).singleElement().satisfies(r -> {
            assertThat(r.path("line").asInt()).isEqualTo(1);
            assertThat(r.path("reason").asText()).contains("belongs to another ID number");
        });
        assertThat(pages.get(registry.alias(), zhou, LinkedPerson.class).orElseThrow()).isEqualTo(before);
        assertThat(pages.get(registry.alias(), wu, LinkedPerson.class).orElseThrow().sourceKeys())
                .containsExactly("HOUSEHOLD_REGISTRATION:HR-W");
        assertThat(pages.get(sources.alias(), "CENSUS:C-Z", SourceRecord.class).orElseThrow().idNumber()).isEqualTo(zhou);
    }
}
