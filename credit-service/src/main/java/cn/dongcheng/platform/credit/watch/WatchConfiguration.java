package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.index.ServiceIndices;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.grade.Grades;
import cn.dongcheng.platform.credit.record.CreditRecordHistory;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The watch feed's indices and wiring: {@code credit.watch.max-subjects} (per list, default 1,000),
 * {@code credit.watch.settle-margin} (how old an event must be before it is handed out, default 5 s; see
 * {@link WatchEventLog}) and {@code credit.watch.sweep-after-midnight} (default 5 min).
 */
@Configuration
class WatchConfiguration {

    @Bean
    IndexDefinition creditWatchSubjectsIndex() {
        return WatchLists.INDEX;
    }

    @Bean
    IndexDefinition creditWatchEventsIndex() {
        return WatchEventLog.INDEX;
    }

    @Bean
    IndexDefinition creditWatchStateIndex() {
        return SweepState.INDEX;
    }

    @Bean
    WatchLists watchLists(ElasticsearchClient client, DocumentPages pages, IndexNames names) {
        return new WatchLists(client, pages, names.alias(WatchLists.INDEX.resource()));
    }

    @Bean
    WatchEventLog watchEventLog(ElasticsearchClient client, DocumentPages pages, IndexNames names, Clock clock,
                                @Value("${credit.watch.settle-margin:5s}") Duration settleMargin) {
        return new WatchEventLog(client, pages, names.alias(WatchEventLog.INDEX.resource()), clock, settleMargin);
    }

    @Bean
    WatchEventRecorder watchEventRecorder(DocumentPages pages, ObjectMapper json, IndexNames names, CreditRecordStore records,
                                          WatchLists lists, WatchEventLog feed, Grades grades, Clock clock) {
        return new WatchEventRecorder(pages, CreditRecordHistory.of(pages, json, records.alias(),
                names.alias(CreditRecordHistory.INDEX.resource())), records.alias(), lists, feed, grades, clock);
    }

    /** Depends on {@link ServiceIndices}: the indices exist before it first sweeps. */
    @Bean
    ExpirySweeper expirySweeper(WatchEventRecorder recorder, ElasticsearchClient client, DocumentPages pages, IndexNames names,
                                Clock clock, ServiceIndices indices,
                                @Value("${credit.watch.sweep-after-midnight:5m}") Duration afterMidnight) {
        return new ExpirySweeper(recorder, new SweepState(client, pages, names.alias(SweepState.INDEX.resource())), clock, afterMidnight);
    }

    @Bean
    Watch watch(WatchLists lists, WatchEventLog feed, AuditTrail audit, Clock clock,
                @Value("${credit.watch.max-subjects:1000}") int maxSubjects) {
        if (maxSubjects < 1 || maxSubjects > 5_000) { // a list is read and matched in one search, a terms query each
            throw new IllegalStateException("credit.watch.max-subjects must be 1–5000, is " + maxSubjects);
        }
        return new Watch(lists, feed, audit, clock, maxSubjects);
    }
}
