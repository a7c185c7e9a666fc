package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.identity.login.DemoUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo citizen and the demo enterprise of the issuer's local profile ({@link DemoUsers}) are a person and a
 * market entity of the demo data at every scale, so their own-data look-ups find something.
 */
class DemoAccountSubjectsTest {

    private final Calibration calibration = Calibration.load();
    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Scale.class)
    void theDemoCitizenIsAGeneratedPerson(Scale scale) {
        String idNumber = DemoUsers.load().forRole("CITIZEN").subjectId();
        assertThat(generates(sink -> new PersonGenerator(calibration).generate(scale,
                DemoDataCommand.DEFAULT_SEED + DemoDataCommand.PERSON_SEED_OFFSET, sink), "idNumber", idNumber))
                .as("person " + idNumber + " at scale " + scale).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Scale.class)
    void theDemoEnterpriseIsAGeneratedEntity(Scale scale) {
        String uscc = DemoUsers.load().forRole("ENTERPRISE").subjectId();
        assertThat(generates(sink -> new EnterpriseGenerator(calibration).generate(scale, DemoDataCommand.DEFAULT_SEED, sink), "uscc", uscc))
                .as("enterprise " + uscc + " at scale " + scale).isTrue();
    }

    /** Runs the generator until a record's {@code field} equals {@code value}; stops there (city scale is large). */
    private boolean generates(Consumer<Consumer<String>> generator, String field, String value) {
        try {
            generator.accept(line -> {
                try {
                    if (mapper.readTree(line).path(field).asText().equals(value)) {
                        throw new Found();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return false;
        } catch (Found found) {
            return true;
        }
    }

    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }
}
