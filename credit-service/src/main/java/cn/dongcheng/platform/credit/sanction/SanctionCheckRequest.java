package cn.dongcheng.platform.credit.sanction;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A batch check (信用核查 / 批量比对): the scenario, up to {@value SanctionCheck#MAX_SUBJECTS} subjects, and the date the
 * lists are read as of (default: today in Beijing). ID numbers travel only in this body, never in a URL.
 */
public record SanctionCheckRequest(@Schema(example = "GOVERNMENT_PROCUREMENT") String scenario, List<Subject> subjects,
                                   @Schema(example = "2026-11-30") LocalDate asOf) {

    /** One subject: a legal person by {@code uscc} or a natural person by {@code idNumber}, one of the two. */
    public record Subject(@Schema(example = "91110000802100433B") String uscc, @Schema(example = "11010519491231002X") String idNumber) {
    }
}
