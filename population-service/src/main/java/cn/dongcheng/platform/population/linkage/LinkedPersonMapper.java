package cn.dongcheng.platform.population.linkage;

import org.mapstruct.Mapper;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored linked person and its source records → the API view, each field joined with its provenance. */
@Mapper
public interface LinkedPersonMapper {

    LinkedPersonView.SourceView source(SourceRecord record);

    default LinkedPersonView view(LinkedPerson p, List<SourceRecord> records) {
        Map<String, LinkedPersonView.SourcedValue> fields = new LinkedHashMap<>();
        Map<String, FieldSource> provenance = p.provenance() == null ? Map.of() : p.provenance();
        for (String field : ConflictRules.FIELDS) {
            Object value = p.fact(field);
            if (value != null) {
                FieldSource from = provenance.get(field);
                fields.put(field, from == null ? new LinkedPersonView.SourcedValue(value, null, null, null)
                        : new LinkedPersonView.SourcedValue(value, from.source(), from.sourceId(), from.sourceDate()));
            }
        }
        List<LinkedPersonView.SourceView> sources = records.stream()
                .sorted(Comparator.comparing(SourceRecord::sourceDate).thenComparing(SourceRecord::key)).map(this::source).toList();
        return new LinkedPersonView(p.idNumber(), p.residenceType(), p.streetCode(), p.ruleVersion(), fields, sources);
    }
}
