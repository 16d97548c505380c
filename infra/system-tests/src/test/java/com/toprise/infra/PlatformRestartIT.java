package com.toprise.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Api;
import com.toprise.infra.support.Dealers;
import com.toprise.infra.support.PlatformReadiness;
import com.toprise.infra.support.Shop;
import com.toprise.infra.support.Shop.Customer;
import com.toprise.infra.support.UniqueIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart of the whole platform keeps its data and leaves it whole: the restart is of the platform every test
 * class shares, so the test ends only once an order placed after it has travelled the whole chain (gateway,
 * order-service, outbox, Debezium, router, inventory topology and back) and every component and connector is
 * ready again. The tests after it, in whatever order they run, find the platform as the ones before it did.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class PlatformRestartIT {

    @Document("parts")
    record Part(@Id String sku, String name, BigDecimal price) {
    }

    @Test
    void aDocumentSurvivesAPlatformRestartAndAnOrderPlacedAfterItIsConfirmed(EmbeddedPlatform platform) {
        Part saved = new Part(UniqueIds.sku(), "Alternator 12V 90A", new BigDecimal("8450.00"));
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoTemplate products = new MongoTemplate(client, "it_products");
            products.save(saved);
            assertThat(products.findById(saved.sku(), Part.class)).isEqualTo(saved);
        }

        long restartAt = System.nanoTime();
        platform.restart();
        System.out.printf("platform restarted in %.1f s%n", (System.nanoTime() - restartAt) / 1e9);

        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoTemplate products = new MongoTemplate(client, "it_products");
            assertThat(products.findById(saved.sku(), Part.class)).isEqualTo(saved);
            assertThat(products.findById("NO-SUCH-SKU", Part.class)).isNull();
        }
        PlatformReadiness.awaitUsable(platform, Duration.ofSeconds(30));

        long orderAt = System.nanoTime();
        Shop shop = new Shop(platform);
        String sku = shop.product("LIVE", "8450.00");
        shop.stock(sku, new Dealers(platform).assignable("560001"), 1);
        Customer customer = shop.customer("560001");
        shop.awaitOrderable(customer, sku);
        shop.awaitAddressKnown(customer);
        HttpResponse<String> placed = shop.placeOrder(customer, UUID.randomUUID().toString(),
                Shop.order(customer.addressId(), Map.of(sku, 1)));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = Api.json(placed).path("id").asString();
        assertThat(shop.awaitVerdict(customer.token(), orderId, Duration.ofSeconds(60)).path("status").asString())
                .isEqualTo("CONFIRMED");
        System.out.printf("after the restart: product to confirmed order in %.1f s%n", (System.nanoTime() - orderAt) / 1e9);
    }
}
