package cn.dongcheng.platform.industry;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDirectory;
import cn.dongcheng.platform.industry.enterprise.EnterpriseHistory;
import cn.dongcheng.platform.industry.indicator.OperatingIndicators;
import cn.dongcheng.platform.industry.monitoring.AlertMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indices this service owns; created or migrated at start-up. */
@Configuration
class IndustryIndices {
    @Bean
    IndexDefinition enterprisesIndex() {
        return EnterpriseDirectory.INDEX;
    }

    @Bean
    IndexDefinition operatingIndicatorsIndex() {
        return OperatingIndicators.INDEX;
    }

    @Bean
    IndexDefinition alertsIndex() {
        return AlertMonitor.INDEX;
    }

    @Bean
    IndexDefinition enterpriseHistoryIndex() {
        return EnterpriseHistory.INDEX;
    }
}
