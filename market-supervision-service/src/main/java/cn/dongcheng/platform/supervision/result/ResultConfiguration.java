package cn.dongcheng.platform.supervision.result;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The inspector-account mapping, and the schedule the outbox relay runs on. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(InspectorAccounts.class)
class ResultConfiguration {
}
