package com.toprise.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.UniqueIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's Elasticsearch node: its cluster is up, a document is indexed and found by a match query. */
@ExtendWith(EmbeddedPlatformExtension.class)
class ElasticsearchNodeIT {

    @Test
    void indexesADocumentAndFindsIt(EmbeddedPlatform platform) throws Exception {
        String index = "it-products-" + UniqueIds.hex(8).toLowerCase();
        try (ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(platform.elasticsearchUrl()))) {
            // the integ-test distribution has no rest-root module, so GET / (info) is not served
            var health = client.cluster().health();
            assertThat(health.clusterName()).isEqualTo("toprise");
            assertThat(health.numberOfNodes()).isEqualTo(1);
            client.index(i -> i.index(index).id("BRK-PAD-001")
                    .document(Map.of("sku", "BRK-PAD-001", "name", "Ceramic brake pad set", "brand", "Bosch"))
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));

            @SuppressWarnings("rawtypes")
            SearchResponse<Map> found = client.search(s -> s.index(index)
                    .query(q -> q.match(m -> m.field("name").query("brake"))), Map.class);
            assertThat(found.hits().hits()).singleElement()
                    .satisfies(hit -> assertThat(hit.id()).isEqualTo("BRK-PAD-001"));

            @SuppressWarnings("rawtypes")
            SearchResponse<Map> missing = client.search(s -> s.index(index)
                    .query(q -> q.match(m -> m.field("name").query("alternator"))), Map.class);
            assertThat(missing.hits().hits()).isEmpty();
        }
    }
}
