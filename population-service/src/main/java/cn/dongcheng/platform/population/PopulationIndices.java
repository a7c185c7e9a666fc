package cn.dongcheng.platform.population;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.population.linkage.PersonSources;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.population.presence.PresenceCounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indices this service owns; created or migrated at start-up. */
@Configuration
class PopulationIndices {
    @Bean
    IndexDefinition personsIndex() {
        return PersonRegistry.INDEX;
    }

    @Bean
    IndexDefinition presenceCountsIndex() {
        return PresenceCounts.INDEX;
    }

    @Bean
    IndexDefinition presenceCountHistoryIndex() {
        return PresenceCounts.HISTORY;
    }

    @Bean
    IndexDefinition personSourcesIndex() {
        return PersonSources.INDEX;
    }

    @Bean
    IndexDefinition personSourceHistoryIndex() {
        return PersonSources.HISTORY_INDEX;
    }
}
