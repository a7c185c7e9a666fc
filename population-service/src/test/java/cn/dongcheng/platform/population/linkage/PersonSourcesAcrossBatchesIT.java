package cn.dongcheng.platform.population.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static cn.dongcheng.platform.population.support.SourceLines.line;
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
        MovedRecord moved = deliverARecordMovingToAnotherIdNumber();
        JsonNode report = moved.report();

        assertThat(report.path("accepted").asInt()).isEqualTo(1);
        assertThat(report.path("rejected")).singleElement().satisfies(r -> {
            assertThat(r.path("line").asInt()).isEqualTo(1);
            assertThat(r.path("reason").asText()).contains("belongs to another ID number");
        });
        assertThat(pages.get(registry.alias(), moved.zhou(), LinkedPerson.class).orElseThrow()).isEqualTo(moved.zhouBefore());
        assertThat(pages.get(registry.alias(), moved.wu(), LinkedPerson.class).orElseThrow().sourceKeys())
                .containsExactly("HOUSEHOLD_REGISTRATION:HR-W");
        assertThat(pages.get(sources.alias(), "CENSUS:C-Z", SourceRecord.class).orElseThrow().idNumber()).isEqualTo(moved.zhou());
    }
}
