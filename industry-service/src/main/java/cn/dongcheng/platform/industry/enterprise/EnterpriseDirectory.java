package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.AccessPolicy;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The directory of market entities (市场主体名录): ingestion, look-up by code and filtered listing. */
@Service
public class EnterpriseDirectory {

    public static final IndexDefinition INDEX = IndexDefinition.of("enterprises");

    private final ElasticsearchJson es;
    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final AuditTrail audit;
    private final AccessPolicy policy;
    private final EnterpriseMapper mapper;
    private final Clock clock;
    private final String alias;

    public EnterpriseDirectory(ElasticsearchJson es, DocumentPages pages, AuditedIngestion ingestion, AuditTrail audit,
                               AccessPolicy policy, EnterpriseMapper mapper, Clock clock, IndexNames names) {
        this.es = es;
        this.pages = pages;
        this.ingestion = ingestion;
        this.audit = audit;
        this.policy = policy;
        this.mapper = mapper;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, EnterpriseRegistration.class, in -> {
            EnterpriseDocument valid = EnterpriseValidator.validate(in, today, now);
            return new IndexedDocument(valid.uscc(), valid);
        }, refresh, caller);
    }

    public EnterpriseView get(String rawCode, CallerContext caller) {
        UnifiedSocialCreditCode code = InvalidInputException.parsing("uscc", () -> UnifiedSocialCreditCode.parse(rawCode));
        EnterpriseDocument doc = pages.get(alias, code.value(), EnterpriseDocument.class)
                .orElseThrow(() -> new NotFoundException("no market entity with code " + code.value()));
        return view(doc, caller);
    }

    public Page<EnterpriseView> list(String streetCode, String section, PageRequest request, CallerContext caller) {
        ObjectNode bool = es.object();
        ArrayNode filter = bool.putObject("bool").putArray("filter");
        if (streetCode != null) {
            filter.addObject().putObject("term").put("streetCode", streetCode.trim().toUpperCase());
        }
        if (section != null) {
            filter.addObject().putObject("term").put("industrySection", section.trim().toUpperCase());
        }
        ArrayNode sort = es.mapper().createArrayNode();
        sort.addObject().put("uscc", "asc");
        Page<EnterpriseDocument> page = pages.page(alias, bool, sort, request, EnterpriseDocument.class);
        boolean unmasked = policy.mayReadUnmasked(caller);
        if (unmasked && !page.items().isEmpty()) {
            audit.record(caller, "READ_PERSONAL_DATA", alias + "?street=" + streetCode + "&section=" + section, "ok",
                    "legal representatives of " + page.items().size() + " entities shown unmasked");
        }
        return page.map(d -> mapper.toView(d, unmasked));
    }

    private EnterpriseView view(EnterpriseDocument doc, CallerContext caller) {
        boolean unmasked = policy.mayReadUnmasked(caller);
        if (unmasked && doc.legalRepresentative() != null) {
            audit.record(caller, "READ_PERSONAL_DATA", alias + "/" + doc.uscc(), "ok", "legal representative shown unmasked");
        }
        return mapper.toView(doc, unmasked);
    }
}
