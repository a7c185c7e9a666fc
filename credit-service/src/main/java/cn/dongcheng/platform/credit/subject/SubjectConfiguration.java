package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.client.IndustryClient;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Where a subject's identity comes from: {@code credit.directory.*} — {@code fresh-for} (memory, default 10 min),
 * {@code stale-for} (memory, while industry-service is down, 24 h), {@code replica-fresh-for} (1 day),
 * {@code replica-stale-for} (30 days), {@code replica-refresh-after} (12 h), {@code replica-sweep-every} (1 h), {@code replica-sweep-first-after} (30 s), {@code replica-sweep-after-write} (30 s),
 * {@code max-entries} (in memory, 100,000).
 */
@Configuration
class SubjectConfiguration {

    @Bean
    IndexDefinition creditSubjectIdentitiesIndex() {
        return SubjectIdentityReplica.INDEX;
    }

    @Bean
    SubjectIdentityReplica subjectIdentityReplica(ElasticsearchClient client, DocumentPages pages, IndexNames names) {
        return new SubjectIdentityReplica(client, pages, names.alias(SubjectIdentityReplica.INDEX.resource()));
    }

    @Bean
    DirectoryEntries directoryEntries(IndustryClient industry, SubjectIdentityReplica replica, Clock clock,
                                      @Value("${credit.directory.fresh-for:PT10M}") Duration freshFor,
                                      @Value("${credit.directory.stale-for:PT24H}") Duration staleFor,
                                      @Value("${credit.directory.replica-fresh-for:P1D}") Duration replicaFreshFor,
                                      @Value("${credit.directory.replica-stale-for:P30D}") Duration replicaStaleFor,
                                      @Value("${credit.directory.max-entries:100000}") long maxEntries) {
        return new DirectoryEntries(industry, replica, clock,
                new DirectoryEntries.Freshness(freshFor, staleFor, replicaFreshFor, replicaStaleFor), maxEntries);
    }

    @Bean
    IdentityReplicaSweeper identityReplicaSweeper(ElasticsearchClient client, CreditRecordStore records, SubjectIdentityReplica replica,
                                                  IndustryClient industry, Clock clock,
                                                  @Value("${credit.directory.replica-refresh-after:PT12H}") Duration refreshAfter,
                                                  @Value("${credit.directory.replica-sweep-every:PT1H}") Duration every,
                                                  @Value("${credit.directory.replica-sweep-first-after:PT30S}") Duration firstAfter,
                                                  @Value("${credit.directory.replica-sweep-after-write:PT30S}") Duration afterWrite) {
        return new IdentityReplicaSweeper(client, records.alias(), replica, industry, clock, refreshAfter, every, firstAfter, afterWrite);
    }
}
