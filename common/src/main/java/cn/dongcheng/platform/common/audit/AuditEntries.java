package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.elasticsearch.Queries;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;

import java.util.List;
import java.util.Optional;

/** Reading one audit index, newest first, with the cursor paging of {@link DocumentPages}. */
public class AuditEntries {

    private final DocumentPages pages;
    private final String alias;

    public AuditEntries(DocumentPages pages, String alias) {
        this.pages = pages;
        this.alias = alias;
    }

    public Page<AuditEntry> search(AuditQuery query, PageRequest page) {
        // seq is unique: a cursor is exact
        return pages.page(alias, query.toQuery(), List.of(Queries.desc("seq")), page, AuditEntry.class);
    }

    /** The newest entry matching the query, as far as search sees (entries become searchable within a second). */
    public Optional<AuditEntry> newest(AuditQuery query) {
        return search(query, PageRequest.of(1, null)).items().stream().findFirst();
    }
}
