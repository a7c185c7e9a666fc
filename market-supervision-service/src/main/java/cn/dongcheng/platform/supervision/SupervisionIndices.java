package cn.dongcheng.platform.supervision;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.supervision.inspector.InspectorDirectory;
import cn.dongcheng.platform.supervision.item.InspectionItemCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indices this service owns; created or migrated at start-up. */
@Configuration
class SupervisionIndices {
    @Bean
    IndexDefinition inspectionItemsIndex() {
        return InspectionItemCatalogue.INDEX;
    }

    @Bean
    IndexDefinition inspectionItemVersionsIndex() {
        return InspectionItemCatalogue.VERSIONS;
    }

    @Bean
    IndexDefinition inspectorsIndex() {
        return InspectorDirectory.INDEX;
    }
}
