package cn.dongcheng.platform.credit.publication;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A record's publication (公示): shown from {@code start}; to be published by {@code publishBy} (20 working days
 * after the decision; null where the working-day calendar has no data for that year); repairable from
 * {@code earliestEnd}; gone from the public view on {@code latestEnd} (exclusive; null: until the department records
 * an exit). {@code ruleVersion} and {@code basis} say which rule gave the dates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicationWindow(LocalDate start, LocalDate publishBy, LocalDate earliestEnd, LocalDate latestEnd,
                                String ruleVersion, String basis) {

    /** Whether the record is outside its window on {@code today}: not yet started, or ended. */
    public boolean endedBy(LocalDate today) {
        return latestEnd != null && !today.isBefore(latestEnd);
    }
}
