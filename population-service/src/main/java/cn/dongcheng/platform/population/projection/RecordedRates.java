package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.population.linkage.PersonSources;
import cn.dongcheng.platform.population.linkage.SourceKind;
import cn.dongcheng.platform.population.linkage.SourceRecord;
import cn.dongcheng.platform.population.person.PersonRegistry;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;

/**
 * The district's deaths and births of the twelve months up to a counting day, read from the source records (死亡、出生
 * 登记), for rates estimated from the register: deaths by sex and age at death of persons the register places in a
 * street of the district (as the tables count them), births registered at a district street. Each person counts
 * once, however many registrations say it. Only counts leave this class.
 */
@Service
public class RecordedRates {

    private static final int PAGE = 5_000;
    private static final List<String> FIELDS = List.of("idNumber", "sourceDate", "residenceStreetCode");

    private final DocumentPages pages;
    private final String sources;
    private final String persons;

    public RecordedRates(DocumentPages pages, PersonSources sources, PersonRegistry registry) {
        this.pages = pages;
        this.sources = sources.alias();
        this.persons = registry.alias();
    }

    /** Deaths by sex and age group, and births, in the twelve months ending on {@code end}. */
    public VitalRegistrations yearEnding(LocalDate end, AgeGroups groups) {
        LocalDate from = end.minusYears(1).plusDays(1);
        Map<String, SourceRecord> dead = firstRegistrations(SourceKind.DEATH, from, end);
        BySex deaths = BySex.zeros(groups.count());
        List<String> ids = new ArrayList<>(dead.keySet());
        for (int i = 0; i < ids.size(); i += PAGE) {
            List<String> page = ids.subList(i, Math.min(ids.size(), i + PAGE));
            for (String id : pages.keywords(persons, livingInTheDistrict(page), "idNumber", page.size())) {
                // birth date and sex as the ID number gives them (a death registration need not state them)
                ResidentIdNumber person = ResidentIdNumber.parse(id);
                LocalDate died = dead.get(id).sourceDate();
                if (person.birthDate().isAfter(died)) {
                    continue; // the validator refuses such a line; nothing to count if one is stored
                }
                double[] bySex = person.male() ? deaths.male() : deaths.female();
                bySex[groups.groupOf(person.birthDate().until(died).getYears())]++;
            }
        }
        long births = firstRegistrations(SourceKind.BIRTH, from, end).values().stream()
                .filter(r -> DongchengStreet.byCode(r.residenceStreetCode()).isPresent()).count();
        return new VitalRegistrations(from, end, deaths, births);
    }

    /** What a year of registrations gives: deaths by sex and age group at death, and the births. */
    public record VitalRegistrations(LocalDate from, LocalDate to, BySex deaths, long births) {
    }

    /** Each person's earliest registration of this kind in the period, by ID number. */
    private Map<String, SourceRecord> firstRegistrations(SourceKind kind, LocalDate from, LocalDate to) {
        Map<String, SourceRecord> first = new HashMap<>();
        pages.scan(sources, PersonSources.registrations(kind, from, to), FIELDS, PAGE, SourceRecord.class,
                batch -> batch.forEach(r -> first.merge(r.idNumber(), r, (a, b) -> b.sourceDate().isBefore(a.sourceDate()) ? b : a)));
        return first;
    }

    /** Those of these persons whom the register places in a street of the district (the deceased's last residence). */
    private static Query livingInTheDistrict(List<String> ids) {
        List<FieldValue> streets = Arrays.stream(DongchengStreet.values()).map(s -> FieldValue.of(s.code())).toList();
        return allOf(List.of(PersonSources.recordsOf(ids),
                Query.of(q -> q.terms(t -> t.field("residenceStreetCode").terms(v -> v.value(streets))))));
    }
}
