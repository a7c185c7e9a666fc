package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.paging.DocumentPages;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * Where the sweeper got to, in {@code credit-watch-state} (one document, {@code sweeper}): the last Beijing day whose
 * expiries are in the feed, and from when record writes were last re-derived. Kept in Elasticsearch, not in the
 * process, so a restart — or another replica — continues where the last run stopped.
 */
final class SweepState {

    static final IndexDefinition INDEX = IndexDefinition.of("watch-state");
    private static final String ID = "sweeper";

    /** @param reconciledFrom the time the last re-derivation of record writes started (ISO, platform zone) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Position(LocalDate lastSweptDay, String reconciledFrom) {
    }

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final String alias;

    SweepState(ElasticsearchClient client, DocumentPages pages, String alias) {
        this.client = client;
        this.pages = pages;
        this.alias = alias;
    }

    Optional<Position> read() {
        return pages.get(alias, ID, Position.class);
    }

    void save(Position position) {
        call(() -> client.index(i -> i.index(alias).id(ID).document(position).refresh(Refresh.WaitFor)));
    }
}
