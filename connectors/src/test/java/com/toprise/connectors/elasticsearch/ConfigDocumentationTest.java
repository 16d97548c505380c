package com.toprise.connectors.elasticsearch;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every setting of the sink is documented in connectors/README.md. */
class ConfigDocumentationTest {

    @Test
    void theReadmeDocumentsEveryConfigKey() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String key : ElasticsearchSinkConnectorConfig.CONFIG_DEF.names()) {
            assertThat(readme).as(key).contains("`" + key + "`");
        }
    }
}
