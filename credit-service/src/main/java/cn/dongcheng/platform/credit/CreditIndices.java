package cn.dongcheng.platform.credit;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.credit.grade.GradeSnapshots;
import cn.dongcheng.platform.credit.record.CreditRecordHistory;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indices this service owns; created or migrated at start-up. */
@Configuration
class CreditIndices {
    @Bean
    IndexDefinition creditRecordsIndex() {
        return CreditRecordStore.INDEX;
    }

    @Bean
    IndexDefinition creditRecordHistoryIndex() {
        return CreditRecordHistory.INDEX;
    }

    @Bean
    IndexDefinition creditGradesIndex() {
        return GradeSnapshots.INDEX;
    }
}
