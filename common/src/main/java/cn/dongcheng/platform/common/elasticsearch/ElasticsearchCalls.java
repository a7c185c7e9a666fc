package cn.dongcheng.platform.common.elasticsearch;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.elasticsearch.client.ResponseException;

import java.io.IOException;

/**
 * Calls of the typed {@link ElasticsearchClient} with its failures in the platform's terms, as {@link ElasticsearchJson}
 * gives them: no answer at all (I/O) is a {@link DependencyUnavailableException}; an answer the client hands on as an
 * I/O failure — {@code RestClient}'s {@link ResponseException} for 502/503/504 (it marks the node dead and gives up),
 * or an answer outside Elasticsearch's error format such as a proxy's HTML page ({@link TransportException}) — is an
 * {@link ElasticsearchStatusException} with its status. Elasticsearch's other errors stay {@link ElasticsearchException}.
 * The problem handling maps both by status.
 */
public final class ElasticsearchCalls {

    private ElasticsearchCalls() {
    }

    /** A call of the typed client. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException;
    }

    public static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (TransportException e) {
            if (e.statusCode() <= 0) { // no answer came back
                throw new DependencyUnavailableException("elasticsearch", e.getMessage(), e);
            }
            throw status(e.statusCode(), e);
        } catch (ResponseException e) {
            throw status(e.getResponse().getStatusLine().getStatusCode(), e);
        } catch (IOException e) {
            throw new DependencyUnavailableException("elasticsearch", e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static ElasticsearchStatusException status(int status, IOException answer) {
        ElasticsearchStatusException e = new ElasticsearchStatusException(status, String.valueOf(answer.getMessage()));
        e.initCause(answer);
        return e;
    }
}
