package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.audit.AuditController;
import cn.dongcheng.platform.common.audit.AuditEntries;
import cn.dongcheng.platform.common.audit.AuditTrail;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The auditor endpoints ({@link AuditController}) in every servlet service that keeps an audit trail. */
@AutoConfiguration(after = PlatformElasticsearchAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformAuditWebAutoConfiguration {

    @Bean
    @ConditionalOnBean({AuditTrail.class, AuditEntries.class})
    AuditController auditController(AuditTrail trail, AuditEntries entries) {
        return new AuditController(trail, entries);
    }
}
