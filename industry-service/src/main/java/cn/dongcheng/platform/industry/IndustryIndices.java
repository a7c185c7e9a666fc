package cn.dongcheng.platform.industry;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDirectory;
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
        return cn.dongcheng.platform.industry.indicator.OperatingIndicators.INDEX;
    }

    @Bean
    IndexDefinition alertsIndex() {
        return cn.dongcheng.platform.industry.monitoring.AlertMonitor.INDEX;
    }

    @Bean
    IndexDefinition enterpriseHistoryIndex() {
        return cn.dongcheng.platform.industry.enterprise.EnterpriseHistory.INDEX;
    }
}
