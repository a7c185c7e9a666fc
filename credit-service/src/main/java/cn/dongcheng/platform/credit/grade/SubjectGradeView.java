package cn.dongcheng.platform.credit.grade;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A subject's grade with its explanation: a legal person by {@code uscc}; a natural person by {@code idNumber} and
 * {@code name}, masked ({@code masked}) unless the caller may see them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectGradeView(String uscc, String idNumber, String name, Boolean masked, @JsonUnwrapped Grade grade) {
}
