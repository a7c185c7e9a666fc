package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.client.EnterpriseSummary;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/** {@link IdentityReplica} in {@code credit-subject-identities}: one document per code, id the code. */
final class SubjectIdentityReplica implements IdentityReplica {

    static final IndexDefinition INDEX = IndexDefinition.of("subject-identities");
    private static final Logger log = LoggerFactory.getLogger(SubjectIdentityReplica.class);

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final String alias;

    SubjectIdentityReplica(ElasticsearchClient client, DocumentPages pages, String alias) {
        this.client = client;
        this.pages = pages;
        this.alias = alias;
    }

    @Override
    public Optional<Kept> read(String uscc) {
        return pages.get(alias, uscc, SubjectIdentity.class).map(SubjectIdentity::kept);
    }

    /** The kept entries of these codes (the ones with none are not in the answer). */
    Map<String, Kept> readAll(Collection<String> codes) {
        Map<String, SubjectIdentity> stored = pages.getAll(alias, codes, SubjectIdentity.class);
        Map<String, Kept> kept = new HashMap<>();
        stored.forEach((code, identity) -> kept.put(code, identity.kept()));
        return kept;
    }

    @Override
    public void keep(Collection<EnterpriseSummary> summaries, Instant at) {
        List<SubjectIdentity> documents = summaries.stream().filter(s -> s.uscc() != null).map(s -> SubjectIdentity.of(s, at)).toList();
        if (documents.isEmpty()) {
            return;
        }
        // last writer wins: an entry is the directory's answer at fetchedAt, a later fetch replaces it whole
        BulkResponse response = call(() -> client.bulk(b -> {
            documents.forEach(d -> b.operations(op -> op.index(i -> i.index(alias).id(d.uscc()).document(d))));
            return b;
        }));
        if (response.errors()) { // a copy not kept is fetched again: worth a warning, not a failed look-up
            log.warn("{} of {} directory entries not kept in {}", response.items().stream().filter(i -> i.error() != null).count(),
                    documents.size(), alias);
        }
    }
}
