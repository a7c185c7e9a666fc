package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.ConflictException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Applications in {@code credit-applications}. A record's applications are numbered: id
 * {@code A<16 hex of SHA-256(recordId)>-<n>} (URL-safe, no department name or person in it), created with
 * {@code op_type=create}, so of two applications filed at once for one record only one gets number n; and a new one
 * is numbered only when the previous one is decided — one open application per record, repair or objection.
 */
final class ApplicationStore {

    static final IndexDefinition INDEX = IndexDefinition.of("applications");
    private static final int MAX_PER_RECORD = 1_000;

    private final GuardedDocuments documents;
    private final DocumentPages pages;
    private final String alias;

    ApplicationStore(GuardedDocuments documents, DocumentPages pages, String alias) {
        this.documents = documents;
        this.pages = pages;
        this.alias = alias;
    }

    String alias() {
        return alias;
    }

    Optional<Versioned<WorkflowApplication>> get(String applicationId) {
        return documents.get(alias, applicationId, WorkflowApplication.class);
    }

    /** The next free id for the record's applications; 409 while one is open. Real-time reads: no refresh needed. */
    String nextId(String recordId) {
        String prefix = "A" + HexFormat.of().formatHex(sha256(recordId), 0, 8) + "-";
        for (int n = 1; n <= MAX_PER_RECORD; n++) {
            Optional<Versioned<WorkflowApplication>> existing = get(prefix + n);
            if (existing.isEmpty()) {
                return prefix + n;
            }
            WorkflowApplication open = existing.get().document();
            if (open.state() == ApplicationState.APPLIED) {
                throw new ConflictException("record " + recordId + " has an open " + open.kind() + " application "
                        + open.applicationId() + " filed " + open.appliedOn() + ": it must be decided first");
            }
        }
        throw new ConflictException("record " + recordId + " has " + MAX_PER_RECORD + " applications already");
    }

    void create(WorkflowApplication application) {
        if (!documents.create(alias, application.applicationId(), application)) {
            throw new ConflictException("another application for record " + application.recordId() + " was filed at the same moment");
        }
    }

    void decide(Versioned<WorkflowApplication> read, WorkflowApplication decided) {
        documents.replace(alias, read, decided, "application " + read.id() + " was decided by someone else at the same moment");
    }

    /** Applications of one kind, due first; {@code overdue}: only undecided ones whose due day is before {@code today}. */
    Page<WorkflowApplication> list(ApplicationKind kind, ApplicationState state, boolean overdue, LocalDate today, PageRequest page) {
        List<Query> filters = new ArrayList<>(List.of(term("kind", kind.name())));
        if (overdue) {
            filters.add(term("state", ApplicationState.APPLIED.name()));
            filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("dueBy").lt(today.toString())))));
        } else if (state != null) {
            filters.add(term("state", state.name()));
        }
        return pages.page(alias, allOf(filters), List.of(asc("appliedOn"), asc("applicationId")), page, WorkflowApplication.class);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
