package cn.dongcheng.platform.supervision.draw;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Entered sources: as many as were announced, each a non-empty array of non-negative integers (RFC 3797 section 4). */
public final class RandomSourcesValidator {

    static final int MAX_NUMBERS = 100;
    static final int MAX_DIGITS = 40;

    private RandomSourcesValidator() {
    }

    public static PublicRandomSources validate(RandomSourcesInput in, int announced) {
        JsonNode sources = in == null ? null : in.sources();
        if (sources == null || !sources.isArray() || sources.size() != announced) {
            throw new InvalidInputException("sources", "must be " + announced + " arrays of integers, one per announced source in order");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<List<BigInteger>> values = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            String field = "sources[" + i + "]";
            if (!source.isArray() || source.isEmpty() || source.size() > MAX_NUMBERS) {
                problems.add(new FieldProblem(field, "must be an array of 1–" + MAX_NUMBERS + " integers"));
                continue;
            }
            List<BigInteger> numbers = new ArrayList<>();
            for (JsonNode n : source) {
                if (!n.isIntegralNumber() || n.bigIntegerValue().signum() < 0 || n.bigIntegerValue().toString().length() > MAX_DIGITS) {
                    problems.add(new FieldProblem(field, "must hold non-negative integers of at most " + MAX_DIGITS
                            + " digits (fractions published as integers, e.g. in hundredths)"));
                    break;
                }
                numbers.add(n.bigIntegerValue());
            }
            values.add(numbers);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PublicRandomSources(values);
    }
}
