package cn.dongcheng.platform.common.problem;

import java.time.DateTimeException;
import java.util.List;
import java.util.function.Supplier;

/** Input that breaks a domain rule: answered 400 with every offending field. */
public class InvalidInputException extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    /**
     * Parses one request field, turning the parser's {@link IllegalArgumentException} or {@link DateTimeException}
     * (java.time's parse errors are not the former) into a 400 naming the field.
     */
    public static <T> T parsing(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
