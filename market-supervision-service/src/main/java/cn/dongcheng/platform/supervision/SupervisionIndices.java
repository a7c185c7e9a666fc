package cn.dongcheng.platform.supervision;

import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.supervision.assignment.TaskAssignments;
import cn.dongcheng.platform.supervision.draw.TaskDraws;
import cn.dongcheng.platform.supervision.inspector.InspectorDirectory;
import cn.dongcheng.platform.supervision.item.InspectionItemCatalogue;
import cn.dongcheng.platform.supervision.plan.InspectionPlans;
import cn.dongcheng.platform.supervision.pool.TaskPools;
import cn.dongcheng.platform.supervision.result.InspectionResults;
import cn.dongcheng.platform.supervision.task.DrawnTargets;
import cn.dongcheng.platform.supervision.task.SpotCheckTasks;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
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

    @Bean
    IndexDefinition inspectionPlansIndex() {
        return InspectionPlans.INDEX;
    }

    @Bean
    IndexDefinition spotCheckTasksIndex() {
        return SpotCheckTasks.INDEX;
    }

    @Bean
    IndexDefinition spotCheckPoolsIndex() {
        return TaskPools.INDEX;
    }

    @Bean
    IndexDefinition spotCheckRandomSourcesIndex() {
        return TaskDraws.SOURCES;
    }

    @Bean
    IndexDefinition spotCheckDrawsIndex() {
        return TaskDraws.DRAWS;
    }

    @Bean
    IndexDefinition spotCheckDrawAttemptsIndex() {
        return TaskDraws.ATTEMPTS;
    }

    @Bean
    IndexDefinition spotCheckTargetsIndex() {
        return DrawnTargets.INDEX;
    }

    @Bean
    IndexDefinition spotCheckAssignmentsIndex() {
        return TaskAssignments.INDEX;
    }

    @Bean
    IndexDefinition spotCheckResultsIndex() {
        return InspectionResults.INDEX;
    }

    /** Create-only and version-guarded writes: plans, tasks, pools, sources and draws each happen once. */
    @Bean
    GuardedDocuments guardedDocuments(ElasticsearchClient client) {
        return new GuardedDocuments(client);
    }
}
