package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Optional;

/**
 * Reading one audit index, newest first, with cursor paging. The JSON style of the rest of the platform (through
 * {@link DocumentPages}) rather than the typed client: the paging, cursor format and error mapping already exist there.
 */
public class AuditEntries {

    private final DocumentPages pages;
    private final String alias;

    public AuditEntries(DocumentPages pages, String alias) {
        this.pages = pages;
        this.alias = alias;
    }

    public Page<AuditEntry> search(AuditQuery query, PageRequest page) {
        ArrayNode sort = JsonNodeFactory.instance.arrayNode();
        sort.addObject().put("seq", "desc"); // unique: a cursor is exact
        return pages.page(alias, query.toQuery(), sort, page, AuditEntry.class);
    }

    /** The newest entry matching the query, as far as search sees (entries become searchable within a second). */
    public Optional<AuditEntry> newest(AuditQuery query) {
        return search(query, PageRequest.of(1, null)).items().stream().findFirst();
    }
}
