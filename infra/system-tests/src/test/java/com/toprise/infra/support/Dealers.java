package com.toprise.infra.support;

import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.schemas.catalog.CategoryIds;
import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dealers the inventory topology will assign orders to. The topology assigns a line only to a dealer it knows from
 * DEALER_UPDATED that is active, serves the delivery and carries the product's category, so a test that stocks a
 * dealer makes it so here and waits until the topology's {@code GET /dealers/{id}} shows the profile it gave: only
 * then does an order meet the dealer the test meant. A real account is set up through the API (categories by an
 * admin, the profile with its service area), a bare dealer id by its own DEALER_UPDATED on the registry topic.
 */
public final class Dealers {

    /** The category path root of {@link Shop#product(String, String)}'s products, as a bare dealer carries it. */
    private static final String SHOPS_CATEGORY = CategoryIds.slug(Shop.CATEGORY);

    private final EmbeddedPlatform platform;
    private final Api api;
    private final Api topology;

    public Dealers(EmbeddedPlatform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
        this.topology = new Api(platform.topologyQueryUrl());
    }

    /**
     * A new dealer id (no account behind it, no location) that is active, serves this pincode by its list and
     * carries the category of {@link Shop#product(String, String)}'s products; returns it once the topology knows it.
     * A new id each time, so no other test's orders or profile change touch this dealer.
     */
    public String assignable(String servicePincode) {
        String dealerId = "d-" + UniqueIds.hex(8);
        DealerUpdated dealer = new DealerUpdated(dealerId, "Rao Motors " + dealerId, "+919800000007", true,
                List.of(SHOPS_CATEGORY), null, servicePincode, null, List.of(servicePincode), null, List.of(),
                Instant.now());
        send(Topics.DEALER_UPDATED, dealerId, EventEnvelope.of(EventType.DEALER_UPDATED, dealerId, dealer));
        awaitKnown(dealerId, List.of(SHOPS_CATEGORY), ServiceArea.pincodes(servicePincode));
        return dealerId;
    }

    /**
     * Makes a real dealer account assignable through the gateway: an admin assigns it the category (retried until
     * user-service has learnt the category from the catalog) and puts its profile with the business address at
     * {@code addressPincode}, which places the dealer at that pincode's centroid (no geocoder knows its street),
     * and this service area; returns once the topology knows the dealer so.
     */
    public void assignable(String dealerId, String categoryId, String addressPincode, ServiceArea area) {
        assignable(dealerId, categoryId, "4 Industrial Estate", addressPincode, area);
    }

    /**
     * As {@link #assignable(String, String, String, ServiceArea)}, with the business address on this street: where
     * the geocoder places that street, the dealer is.
     */
    public void assignable(String dealerId, String categoryId, String street, String addressPincode,
                           ServiceArea area) {
        String admin = PlatformAdmin.token(platform);
        Shop.await("user-service to assign " + dealerId + " category " + categoryId, () -> api.put(
                "/api/dealers/" + dealerId + "/categories", admin,
                "{\"categories\": [\"" + categoryId + "\"]}").statusCode() == 200);
        JsonNode pincode = Api.json(api.get("/api/pincodes/" + addressPincode, null));
        HttpResponse<String> profile = api.put("/api/dealers/" + dealerId + "/profile", admin, """
                {"address": {"line1": "%s", "city": "%s", "state": "%s", "pincode": "%s"},
                 "phone": "+919800000007", "serviceArea": %s}""".formatted(street, pincode.path("city").asString(),
                pincode.path("state").asString(), addressPincode, area.json()));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        awaitKnown(dealerId, List.of(categoryId), area);
    }

    /** A new root category of the catalog; products placed in it by name carry its id first on their path. */
    public Category category(String name) {
        String unique = name + " " + UniqueIds.hex(8);
        HttpResponse<String> created = api.post("/api/categories", PlatformAdmin.token(platform),
                "{\"name\": \"%s\"}".formatted(unique));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Category(Api.json(created).path("id").asString(), unique);
    }

    /** The topology's view of the dealer ({@code GET /dealers/{id}}), empty while it has not heard of it. */
    public Optional<JsonNode> known(String dealerId) {
        HttpResponse<String> answer = topology.get("/dealers/" + dealerId, null);
        return answer.statusCode() == 200 ? Optional.of(Api.json(answer)) : Optional.empty();
    }

    /**
     * Waits until the topology's profile of the dealer is the one set up: user-service sends a DEALER_UPDATED at
     * every step (onboarding, categories, profile), so a 200 alone may still be an earlier step's.
     */
    private void awaitKnown(String dealerId, List<String> categories, ServiceArea area) {
        Shop.await("the topology to know dealer " + dealerId + " carrying " + categories + " serving " + area,
                () -> known(dealerId).filter(dealer -> dealer.path("active").asBoolean()
                        && strings(dealer.path("categories")).containsAll(categories)
                        && strings(dealer.path("servicePincodes")).containsAll(area.pincodes())
                        && Objects.equals(area.radiusKm(), dealer.path("serviceRadiusKm").isNumber()
                        ? dealer.path("serviceRadiusKm").asDouble() : null)).isPresent());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sending " + key + " to " + topic.name(), e);
        }
    }

    /** A catalog category: its id, as dealers are assigned it, and its name, as products are placed in it. */
    public record Category(String id, String name) {
    }

    /** Where a dealer delivers: these pincodes, and within the radius (null: none) of its location. */
    public record ServiceArea(List<String> pincodes, Double radiusKm) {

        public ServiceArea {
            pincodes = List.copyOf(pincodes);
        }

        public static ServiceArea pincodes(String... codes) {
            return new ServiceArea(List.of(codes), null);
        }

        public static ServiceArea radius(double km) {
            return new ServiceArea(List.of(), km);
        }

        String json() {
            String codes = pincodes.stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(", "));
            return "{\"pincodes\": [%s], \"radiusKm\": %s}".formatted(codes, radiusKm);
        }
    }
}
