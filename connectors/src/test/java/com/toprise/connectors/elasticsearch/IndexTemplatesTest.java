package com.toprise.connectors.elasticsearch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index templates are usable as they are with {@code PUT _index_template/<name>} on our Elasticsearch, which has
 * core modules only: no analysis-common (ngram, synonyms...), mapper-extras (scaled_float, search_as_you_type...)
 * or painless.
 */
class IndexTemplatesTest {

    private static final Set<String> CORE_TYPES = Set.of("text", "keyword", "completion", "date", "double", "long",
            "integer", "boolean", "object", "nested");
    private static final Set<String> CORE_ANALYZERS = Set.of("standard", "simple");

    private static JsonNode template(String name) throws Exception {
        try (InputStream in = IndexTemplatesTest.class.getResourceAsStream("/elasticsearch/index-templates/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "products, productId sku name description brand category subCategory type variants price mrp status dealerIds tags images createdAt updatedAt suggest",
            "orders, orderId customerId dealerIds status lines totalAmount currency paymentStatus delivery createdAt updatedAt slaDeadline"})
    void aComposableTemplateForASingleNodeWithOnlyCoreFeatures(String name, String fields) throws Exception {
        JsonNode template = template(name);
        assertThat(template.path("index_patterns").values()).extracting(JsonNode::asString).contains(name);
        JsonNode settings = template.path("template").path("settings");
        assertThat(settings.path("number_of_shards").asInt()).isEqualTo(1);
        assertThat(settings.path("number_of_replicas").asInt()).isEqualTo(0);
        assertThat(settings.has("analysis")).as("custom analysis needs analysis-common").isFalse();

        JsonNode mappings = template.path("template").path("mappings");
        assertThat(mappings.path("properties").propertyNames()).contains(fields.split(" "));
        List<String> types = new ArrayList<>();
        List<String> analyzers = new ArrayList<>();
        collect(mappings, types, analyzers);
        assertThat(types).isNotEmpty().allSatisfy(type -> assertThat(CORE_TYPES).contains(type));
        assertThat(analyzers).allSatisfy(analyzer -> assertThat(CORE_ANALYZERS).contains(analyzer));
        assertThat(mappings.toString()).doesNotContain("\"script\"");
    }

    private static void collect(JsonNode node, List<String> types, List<String> analyzers) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("type") && entry.getValue().isString()) {
                    types.add(entry.getValue().asString());
                } else if (entry.getKey().endsWith("analyzer")) {
                    analyzers.add(entry.getValue().asString());
                } else {
                    collect(entry.getValue(), types, analyzers);
                }
            });
        } else if (node.isArray()) {
            node.values().forEach(value -> collect(value, types, analyzers));
        }
    }
}
