package cn.dongcheng.platform.common.elasticsearch;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON over Elasticsearch's REST API through the low-level client that Spring Boot configures.
 *
 * <p>Index definitions are JSON resources and bulk bodies are NDJSON, so this thin layer keeps them as JSON rather
 * than translating to and from the typed client; look-ups by id go through {@link BlockingGetClient}. Searches and
 * aggregations use the typed {@code ElasticsearchClient} (see {@link ElasticsearchCalls}).
 */
public class ElasticsearchJson {

    private final RestClient client;
    private final ObjectMapper mapper;

    private final BlockingGetClient gets;

    public ElasticsearchJson(RestClient client, ObjectMapper mapper) {
        this(client, mapper, null);
    }

    /** @param gets look-ups by id on the calling thread (see {@link BlockingGetClient}); null sends them through {@code client} */
    public ElasticsearchJson(RestClient client, ObjectMapper mapper, BlockingGetClient gets) {
        this.client = client;
        this.mapper = mapper;
        this.gets = gets;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** Sends a request; 2xx answers come back parsed, others raise {@link ElasticsearchStatusException}. */
    public JsonNode send(String method, String endpoint, Object body, Map<String, String> params) {
        return exchange(method, endpoint, body, params, in -> in == null ? mapper.createObjectNode() : mapper.readTree(in));
    }

    /** Reads a 2xx answer's body as it streams in (null when there is none). */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Sends a request and hands the answer to {@code reader} as a stream — for large answers read straight into
     * records without an intermediate tree. Non-2xx answers raise {@link ElasticsearchStatusException}.
     */
    public <T> T exchange(String method, String endpoint, Object body, Map<String, String> params, BodyReader<T> reader) {
        Request request = new Request(method, endpoint);
        params.forEach(request::addParameter);
        if (body != null) {
            try {
                byte[] bytes = body instanceof byte[] b ? b : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                        : mapper.writeValueAsBytes(body);
                String type = endpoint.endsWith("_bulk") ? "application/x-ndjson" : "application/json";
                request.setEntity(new NByteArrayEntity(bytes, ContentType.create(type, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot serialise request body", e);
            }
        }
        try {
            Response response = client.performRequest(request);
            if (response.getEntity() == null) {
                return reader.read(null);
            }
            try (InputStream in = response.getEntity().getContent()) {
                return reader.read(in);
            }
        } catch (ResponseException e) {
            throw new ElasticsearchStatusException(e.getResponse().getStatusLine().getStatusCode(), readBody(e.getResponse()));
        } catch (IOException e) {
            throw new DependencyUnavailableException("elasticsearch", e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public JsonNode send(String method, String endpoint, Object body) {
        return send(method, endpoint, body, Map.of());
    }

    public JsonNode get(String endpoint) {
        return send("GET", endpoint, null, Map.of());
    }

    /** GET that answers null on 404 instead of raising. */
    public JsonNode getOrNull(String endpoint) {
        try {
            return get(endpoint);
        } catch (ElasticsearchStatusException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * GET whose answer is read straight into {@code type} (no intermediate tree: the hot path of look-ups by id);
     * null on 404.
     */
    public <T> T getAs(String endpoint, Class<T> type) {
        BodyReader<T> reader = in -> mapper.readValue(in, type);
        try {
            return gets == null ? exchange("GET", endpoint, null, Map.of(), reader) : getBlocking(endpoint, reader);
        } catch (ElasticsearchStatusException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private <T> T getBlocking(String endpoint, BodyReader<T> reader) {
        try {
            return gets.get(endpoint, reader);
        } catch (JacksonException e) {
            throw new DependencyUnavailableException("elasticsearch", "unreadable answer: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // a GET is safe to repeat: RestClient knows the other nodes and which of them are down
            return exchange("GET", endpoint, null, Map.of(), reader);
        }
    }

    public boolean exists(String endpoint) {
        try {
            Response response = client.performRequest(new Request("HEAD", endpoint));
            return response.getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw new ElasticsearchStatusException(e.getResponse().getStatusLine().getStatusCode(), "");
        } catch (IOException e) {
            throw new DependencyUnavailableException("elasticsearch", e.getMessage(), e);
        }
    }

    public void refresh(String index) {
        send("POST", "/" + index + "/_refresh", null);
    }

    private static String readBody(Response response) {
        try {
            return response.getEntity() == null ? "" : new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
