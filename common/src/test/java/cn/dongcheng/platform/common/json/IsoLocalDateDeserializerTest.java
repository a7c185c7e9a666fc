package cn.dongcheng.platform.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class IsoLocalDateDeserializerTest {

    private final ObjectMapper standard = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addDeserializer(LocalDate.class, new IsoLocalDateDeserializer()));

    record Holder(LocalDate date) {
    }

    @Test
    void readsPlainIsoDatesLikeJackson() throws Exception {
        for (String date : new String[] {"2024-02-29", "1999-12-31", "0001-01-01", "2023-01-10"}) {
            String json = "{\"date\":\"" + date + "\"}";
            assertThat(fast.readValue(json, Holder.class)).isEqualTo(standard.readValue(json, Holder.class))
                    .extracting(Holder::date).isEqualTo(LocalDate.parse(date));
        }
        assertThat(IsoLocalDateDeserializer.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void leavesEverythingElseToJacksonSoErrorsReadTheSame() {
        for (String bad : new String[] {"2023-02-30", "2023-13-01", "2023-1-01", "20230101x", "２０２３-01-01", "2023-01-01T00:00"}) {
            String json = "{\"date\":\"" + bad + "\"}";
            Throwable expected = catchThrowable(() -> standard.readValue(json, Holder.class));
            Throwable actual = catchThrowable(() -> fast.readValue(json, Holder.class));
            assertThat(actual == null ? null : actual.getClass()).as(bad).isEqualTo(expected == null ? null : expected.getClass());
            if (expected != null) {
                assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
            }
        }
        assertThatThrownBy(() -> fast.readValue("{\"date\":\"2023-02-30\"}", Holder.class)).isInstanceOf(InvalidFormatException.class);
        assertThat(IsoLocalDateDeserializer.parse("2023-02-30")).isNull();
    }
}
