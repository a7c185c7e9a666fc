package cn.dongcheng.platform.common.ingest;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.common.problem.PayloadTooLargeException;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Why an upload broke off, in words an auditor can group by: the cause chain decides, since the ingester wraps what
 * the request stream or Elasticsearch threw.
 */
final class IngestionFailure {

    private IngestionFailure() {
    }

    static String reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return "body-too-large";
            }
            if (t instanceof DependencyUnavailableException || t instanceof ElasticsearchStatusException
                    || t instanceof ElasticsearchException) {
                return "dependency-unavailable";
            }
        }
        // Elasticsearch's own I/O failures are DependencyUnavailableException above; what is left is the request
        // stream: the client went away or broke the body off
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException || t instanceof IOException) {
                return "client-aborted";
            }
        }
        return "internal-error";
    }
}
