package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import cn.dongcheng.platform.credit.record.CreditRecordHistory;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/** The workflows' rule file in force ({@code credit.workflow.rules}), their index, and the service wiring them. */
@Configuration
class WorkflowConfiguration {

    @Bean
    IndexDefinition creditApplicationsIndex() {
        return ApplicationStore.INDEX;
    }

    @Bean
    WorkflowRules workflowRules(@Value("${credit.workflow.rules:classpath:credit/workflow-rules-v1.json}") Resource rules,
                                WorkingDayCalendar calendar) throws IOException {
        try (InputStream in = rules.getInputStream()) {
            return WorkflowRules.load(in, calendar);
        }
    }

    @Bean
    CreditWorkflow creditWorkflow(ElasticsearchClient client, DocumentPages pages, IndexNames names, CreditRecordStore records,
                                  WorkflowRules rules, AuditTrail audit, Clock clock,
                                  ApplicationEventPublisher events) {
        GuardedDocuments documents = new GuardedDocuments(client);
        return new CreditWorkflow(new ApplicationStore(documents, pages, names.alias(ApplicationStore.INDEX.resource())),
                new RecordStatusChanges(documents, records.alias(), names.alias(CreditRecordHistory.INDEX.resource())),
                rules, audit, clock, events);
    }
}
