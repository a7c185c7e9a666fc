package cn.dongcheng.platform.population.person;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The register of natural persons (人口基础信息). Every write and every read of a person is audited; a person is
 * shown in full only to roles the policy allows, masked otherwise. The audit trail names the person only by a keyed
 * pseudonym (subject), never by any form of the ID, so the trail itself does not become a second copy of the register.
 */
@Service
public class PersonRegistry {

    public static final IndexDefinition INDEX = IndexDefinition.of("persons");

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final AuditTrail audit;
    private final PersonMapper mapper;
    private final Clock clock;
    private final String alias;

    public PersonRegistry(DocumentPages pages, AuditedIngestion ingestion, AuditTrail audit,
                          PersonMapper mapper, Clock clock, IndexNames names) {
        this.pages = pages;
        this.ingestion = ingestion;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public String alias() {
        return alias;
    }

    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        String now = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, PersonRegistration.class, in -> {
            PersonRecord valid = PersonValidator.validate(in, now);
            return new IndexedDocument(valid.idNumber(), valid);
        }, refresh, caller);
    }

    /**
     * One person by ID number. A citizen may ask only for themselves (the matrix cell {@code own}); the answer is
     * masked unless the caller's cell allows it in full; every look-up is audited, refused ones included.
     */
    public PersonView get(String rawId, CallerContext caller) {
        ResidentIdNumber id = requireAllowed(rawId, caller);
        boolean unmasked = caller.mayReadUnmasked(id.value());
        PersonRecord person = pages.get(alias, id.value(), PersonRecord.class).orElse(null);
        audit.record(caller, unmasked ? "READ_PERSON_FULL" : "READ_PERSON_MASKED", alias, id.value(),
                person == null ? "not-found" : "ok", null);
        if (person == null) {
            throw new NotFoundException("no person with ID number " + id.masked());
        }
        return unmasked ? mapper.full(person) : mapper.masked(person);
    }

    /**
     * The ID number of a look-up, once the caller may ask about that person (a citizen only about themselves); a
     * refusal is audited under the pseudonym of the person asked for. Shared by every person-level read.
     */
    public ResidentIdNumber requireAllowed(String rawId, CallerContext caller) {
        ResidentIdNumber id = InvalidInputException.parsing("idNumber", () -> ResidentIdNumber.parse(rawId));
        try {
            caller.requireAllowedFor(id.value());
        } catch (ForbiddenException refused) {
            // audited here rather than by the generic handler: under the pseudonym of the person asked for
            audit.record(caller, "ACCESS_DENIED", alias, id.value(), "403", refused.getMessage());
            throw refused.audited();
        }
        return id;
    }
}
