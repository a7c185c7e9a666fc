package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * Credit reports' wiring: the registry index, the report-signing key ({@code credit.report.signing-key-file}, a PEM
 * file; {@code credit.report.create-key-if-missing} lets ./platform's local run create it once) and the PDF renderer
 * with its font, read once at start-up.
 */
@Configuration
class ReportConfiguration {

    @Bean
    IndexDefinition creditReportsIndex() {
        return IssuedReports.INDEX;
    }

    @Bean
    IssuedReports issuedReports(ElasticsearchClient client, DocumentPages pages, IndexNames names) {
        return new IssuedReports(client, pages, names.alias(IssuedReports.INDEX.resource()));
    }

    @Bean
    ReportSigningKey reportSigningKey(@Value("${credit.report.signing-key-file:}") String file,
                                      @Value("${credit.report.create-key-if-missing:false}") boolean createIfMissing) {
        if (file.isBlank()) {
            throw new IllegalStateException("credit.report.signing-key-file (CREDIT_REPORT_SIGNING_KEY_FILE) is not set: credit "
                    + "reports are signed with the platform's report-signing key, an RSA private key in PEM; ./platform up "
                    + "creates one in .platform/credit/report-signing-key.pem, in Kubernetes it is the Secret credit-report-signing-key");
        }
        return ReportSigningKey.fromFile(Path.of(file), createIfMissing);
    }

    @Bean
    ReportPdf reportPdf() {
        return new ReportPdf(ReportFont.bundled());
    }
}
