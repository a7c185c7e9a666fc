package cn.dongcheng.platform.credit.grade;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** A natural person's grade is asked for by name and full ID number in the body (URLs end up in access logs). */
public record PersonGradeRequest(@Schema(example = "张三") String name, @Schema(example = "11010519491231002X") String idNumber,
                                 @Schema(description = "the day the grade was in force on; default today (Beijing)") LocalDate asOf) {
}
