package cn.dongcheng.platform.population.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HundredthsSerializerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesHundredthsExactlyAsDoubleToStringDoes() {
        Random random = new Random(7);
        char[] text = new char[16];
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(8)); // 1 … 10^7: people in an age group up to a city's
            double v = ProjectionView.round(random.nextDouble() * magnitude * (random.nextInt(10) == 0 ? -1 : 1), 2);
            int length = HundredthsSerializer.plain(v, text);
            if (Math.abs(v) < 1e7 && !(v == 0 && 1 / v < 0)) {
                assertThat(new String(text, 0, length)).as("%s", v).isEqualTo(Double.toString(v));
            }
        }
        for (double v : new double[] {0.0, 0.01, 0.1, 0.05, 1.0, 12.5, 12.05, 1234.57, 9_999_999.99, -0.01, -3.5}) {
            assertThat(new String(text, 0, HundredthsSerializer.plain(v, text))).isEqualTo(Double.toString(v));
        }
    }

    @Test
    void leavesWhatIsNotAPlainHundredthToTheUsualWriter() {
        char[] text = new char[16];
        for (double v : new double[] {0.001, 1.005 + 1e-9, 1e7, 1.5e9, -0.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(HundredthsSerializer.plain(v, text)).as("%s", v).isEqualTo(-1);
        }
    }

    @Test
    void aStepReadsTheSameAsWithTheDefaultWriter() throws Exception {
        double[] male = {0.0, 12.5, 1234.57, 0.001, 2.0E7, -0.0, 7.05};
        double[] female = {3.0, 0.01, 99.99};
        ProjectionView.Step step = new ProjectionView.Step(2030, male, female, 1.5, 2.5, 4.0, null, null, null, null, null, null);
        String expected = "{\"year\":2030,\"male\":" + json.writeValueAsString(male) + ",\"female\":" + json.writeValueAsString(female)
                + ",\"totalMale\":1.5,\"totalFemale\":2.5,\"total\":4.0,\"births\":null,\"birthsMale\":null,\"birthsFemale\":null,"
                + "\"deaths\":null,\"netMigration\":null,\"growthRate\":null}";
        assertThat(json.writeValueAsString(step)).isEqualTo(expected);
    }
}
