package cn.dongcheng.platform.population.linkage;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/** Which source record supplied a field of a linked person: its kind (or {@code ID_NUMBER}), id and date. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSource(String source, String sourceId, LocalDate sourceDate) {

    static final String ID_NUMBER = "ID_NUMBER";

    static FieldSource of(SourceRecord r) {
        return new FieldSource(r.source().name(), r.sourceId(), r.sourceDate());
    }
}
