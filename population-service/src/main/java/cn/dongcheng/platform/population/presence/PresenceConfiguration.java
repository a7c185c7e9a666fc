package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.population.statistics.PopulationStatistics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;

/** The data files presence estimates rest on; a new version is a new file, named in {@code population.presence.*}. */
@Configuration
class PresenceConfiguration {

    @Bean
    MarketShares marketShares(@Value("${population.presence.market-shares:classpath:presence/operator-market-shares-v1.json}")
                              Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return MarketShares.load(in);
        }
    }

    @Bean
    PresenceEstimation presenceEstimation(MarketShares shares) {
        return new PresenceEstimation(shares);
    }

    @Bean
    StreetResidents streetResidents(PopulationStatistics statistics,
                                    @Value("${population.presence.census-residents:classpath:presence/street-residents-2020.json}")
                                    Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new StreetResidents(statistics, StreetResidents.loadCensus(in));
        }
    }
}
