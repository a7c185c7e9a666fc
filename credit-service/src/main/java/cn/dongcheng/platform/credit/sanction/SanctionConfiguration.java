package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/** The measures file in force ({@code credit.sanctions.measures}); a new version is a new file, the old one stays. */
@Configuration
class SanctionConfiguration {

    @Bean
    SanctionRules sanctionRules(@Value("${credit.sanctions.measures:classpath:credit/sanction-measures-v1.json}") Resource file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return SanctionRules.load(in);
        }
    }

    @Bean
    SanctionCheck sanctionCheck(SanctionRules rules, ElasticsearchClient client, DocumentPages pages, CreditRecordStore records,
                                AuditTrail audit, Clock clock) {
        return new SanctionCheck(rules, new ListEntrySearch(client, pages, records.alias(), ListEntrySearch.PAGE), audit,
                records.alias(), clock);
    }
}
