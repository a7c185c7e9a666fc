package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.population.person.ResidenceType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A linked person as the API shows it to those who may see it in full: each field with the source record that
 * supplied it, the derived residence type and street, the rule version, and the linked source records.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkedPersonView(String idNumber, ResidenceType residenceType, String streetCode, String ruleVersion,
                               Map<String, SourcedValue> fields, List<SourceView> sources) {

    /** A field's value and where it comes from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourcedValue(Object value, String source, String sourceId, LocalDate sourceDate) {
    }

    /** One linked source record. */
    public record SourceView(SourceKind source, String sourceId, LocalDate sourceDate, Integer version) {
    }
}
