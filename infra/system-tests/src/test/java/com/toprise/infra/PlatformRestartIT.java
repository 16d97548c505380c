package com.toprise.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs last: it restarts the platform that the other test classes share. */
@Order(Integer.MAX_VALUE)
@ExtendWith(EmbeddedPlatformExtension.class)
class PlatformRestartIT {

    @Document("parts")
    record Part(@Id String sku, String name, BigDecimal price) {
    }

    @Test
    void aDocumentSavedThroughSpringDataIsStillThereAfterAPlatformRestart(EmbeddedPlatform platform) {
        Part saved = new Part("ALT-12V-90A", "Alternator 12V 90A", new BigDecimal("8450.00"));
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoTemplate products = new MongoTemplate(client, "it_products");
            products.save(saved);
            assertThat(products.findById("ALT-12V-90A", Part.class)).isEqualTo(saved);
        }

        platform.restart();

        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoTemplate products = new MongoTemplate(client, "it_products");
            assertThat(products.findById("ALT-12V-90A", Part.class)).isEqualTo(saved);
            assertThat(products.findById("NO-SUCH-SKU", Part.class)).isNull();
        }
    }
}
