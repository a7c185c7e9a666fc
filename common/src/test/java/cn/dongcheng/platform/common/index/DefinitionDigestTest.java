package cn.dongcheng.platform.common.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionDigestTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode definition(String settings, String type) throws Exception {
        return (ObjectNode) mapper.readTree("{\"settings\":" + settings + ",\"mappings\":{\"properties\":{\"name\":{\"type\":\""
                + type + "\"}}}}");
    }

    @Test
    void shardAndReplicaCountsInEitherSpellingDoNotChangeTheDigest() throws Exception {
        String base = DefinitionDigest.of(definition("{\"number_of_shards\":1,\"number_of_replicas\":0}", "keyword"), mapper);

        assertThat(DefinitionDigest.of(definition("{\"number_of_shards\":3,\"number_of_replicas\":2}", "keyword"), mapper)).isEqualTo(base);
        assertThat(DefinitionDigest.of(definition("{\"index\":{\"number_of_replicas\":1}}", "keyword"), mapper)).isEqualTo(base);
        assertThat(DefinitionDigest.of(definition("{\"index.number_of_replicas\":1}", "keyword"), mapper)).isEqualTo(base);
    }

    @Test
    void anyOtherChangeDoes() throws Exception {
        String base = DefinitionDigest.of(definition("{\"number_of_replicas\":0}", "keyword"), mapper);

        assertThat(DefinitionDigest.of(definition("{\"number_of_replicas\":0}", "text"), mapper)).isNotEqualTo(base);
        assertThat(DefinitionDigest.of(definition("{\"number_of_replicas\":0,\"max_result_window\":5}", "keyword"), mapper))
                .isNotEqualTo(base);
    }

    @Test
    void theReplicaCountIsReadFromEitherSpelling() throws Exception {
        assertThat(DefinitionDigest.replicas(definition("{\"number_of_replicas\":2}", "keyword"))).isEqualTo("2");
        assertThat(DefinitionDigest.replicas(definition("{\"index\":{\"number_of_replicas\":1}}", "keyword"))).isEqualTo("1");
        assertThat(DefinitionDigest.replicas(definition("{}", "keyword"))).isNull();
    }

    @Test
    void theLegacyDigestCoversTheWholeDefinition() throws Exception {
        ObjectNode definition = definition("{\"number_of_replicas\":0}", "keyword");
        assertThat(DefinitionDigest.legacy(definition, mapper)).isNotEqualTo(DefinitionDigest.of(definition, mapper));
    }
}
