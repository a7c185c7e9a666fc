package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.paging.DocumentPages;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.OpType;

import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * The registry of issued reports (签发登记). Written once per report (create-only: a report id is never reused), read
 * by id in real time, so a report can be checked the moment it is handed out.
 */
public class IssuedReports {

    public static final IndexDefinition INDEX = IndexDefinition.of("reports");

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final String alias;

    public IssuedReports(ElasticsearchClient client, DocumentPages pages, String alias) {
        this.client = client;
        this.pages = pages;
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }

    void register(IssuedReport report) {
        call(() -> client.index(i -> i.index(alias).id(report.reportId()).document(report).opType(OpType.Create)));
    }

    Optional<IssuedReport> find(String reportId) {
        return pages.get(alias, reportId, IssuedReport.class);
    }
}
