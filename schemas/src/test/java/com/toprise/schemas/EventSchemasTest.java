package com.toprise.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.PaymentReceived;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.SlaViolated;
import com.toprise.schemas.events.UserCreated;
import com.toprise.schemas.serde.JsonSerde;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSchemasTest {

    private static final ObjectMapper JACKSON2 = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-11-25T10:15:30Z");

    static Object samplePayload(EventType type) {
        return switch (type) {
            case USER_CREATED -> new UserCreated("u-1", "asha@example.in", "Asha Rao", "+919800000001",
                    UserCreated.Role.CUSTOMER, T);
            case ORDER_CREATED -> new OrderCreated("o-1", "u-1",
                    List.of(new OrderCreated.Line("BRK-PAD-001", 2, new BigDecimal("1499.00"))),
                    new BigDecimal("2998.00"), "INR", "addr-1", "560001");
            case ORDER_STATUS_CHANGED -> new OrderStatusChanged("o-1", OrderStatusChanged.OrderStatus.CREATED,
                    OrderStatusChanged.OrderStatus.CONFIRMED, null);
            case PRODUCT_UPDATED -> new ProductUpdated("p-1", "BRK-PAD-001", "Ceramic brake pad set", "Bosch", "Brakes",
                    "Pads", "Disc", ProductUpdated.ProductStatus.LIVE, new BigDecimal("1499.00"));
            case INVENTORY_CHANGED -> new InventoryChanged("BRK-PAD-001", "d-7", 10, 2, 8, -2,
                    InventoryChanged.Reason.RESERVED);
            case PAYMENT_RECEIVED -> new PaymentReceived("pay-1", "o-1", new BigDecimal("2998.00"), "INR",
                    PaymentReceived.Method.UPI, "razorpay", "pay_N1abc");
            case SLA_VIOLATED -> new SlaViolated("o-1", "d-7", SlaViolated.SlaType.DISPATCH, T, T.plusSeconds(1800), 30);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static byte[] serialise(EventType type) {
        EventEnvelope<Object> envelope = EventEnvelope.of(type, "agg-1", samplePayload(type));
        return ((JsonSerde) JsonSerde.envelopeOf(type.payloadType())).serialize("t", envelope);
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode json) throws IOException {
        try (InputStream schema = EventSchemasTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(schema).as("schema file " + type.schemaResource()).isNotNull();
            JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return compiled.validate(json);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventSerialisesToJsonValidAgainstItsSchema(EventType type) throws IOException {
        JsonNode json = JACKSON2.readTree(serialise(type));
        assertThat(validate(type, json)).isEmpty();
        assertThat(json.get("type").asText()).isEqualTo(type.name());
        assertThat(json.get("occurredAt").isTextual()).as("ISO-8601 instant").isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void serdeRoundTripsEveryEvent(EventType type) {
        JsonSerde<? extends EventEnvelope<?>> serde = JsonSerde.envelopeOf(type.payloadType());
        EventEnvelope<?> back = serde.deserialize("t", serialise(type));
        assertThat(back.payload()).isEqualTo(samplePayload(type));
        assertThat(back.version()).isEqualTo(type.version());
    }

    @Test
    void schemaRejectsAMissingRequiredFieldAndAWrongType() throws IOException {
        JsonNode json = JACKSON2.readTree(serialise(EventType.ORDER_CREATED));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("payload")).remove("customerId");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("payload").get("lines").get(0)).put("quantity", "two");
        assertThat(validate(EventType.ORDER_CREATED, json)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("customerId"))
                .anySatisfy(m -> assertThat(m).contains("quantity"));
    }

    @Test
    void aVersionOnePayloadStillReadsAfterAFieldIsAddedOrAnOptionalOneIsLeftOut() {
        String withNewField = """
                {"eventId":"7f1c2a9e-0000-4000-8000-000000000001","type":"PRODUCT_UPDATED","version":1,
                 "occurredAt":"2026-11-25T10:15:30Z","aggregateId":"p-1",
                 "payload":{"productId":"p-1","sku":"BRK-PAD-001","name":"Pads","status":"LIVE",
                            "hsnCode":"87083000","warrantyMonths":12}}""";
        EventEnvelope<ProductUpdated> event = JsonSerde.envelopeOf(ProductUpdated.class)
                .deserialize("events.product-updated", withNewField.getBytes());
        assertThat(event.payload().sku()).isEqualTo("BRK-PAD-001");
        assertThat(event.payload().brand()).as("optional field left out").isNull();
        assertThat(event.payload().price()).isNull();
    }

    @Test
    void garbageIsASerializationErrorNamingTheTopic() {
        assertThatThrownBy(() -> JsonSerde.envelopeOf(OrderCreated.class).deserialize("events.order-created", "{oops".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("events.order-created");
    }

    @Test
    void everyEventTypeHasOneUniquelyNamedTopic() {
        assertThat(Topics.all()).extracting(t -> t.name()).doesNotHaveDuplicates()
                .contains("events.order-created", "events.sla-violated", "inventory.levels", "sla.violations");
        for (EventType type : EventType.values()) {
            assertThat(Topics.byName("events." + type.slug())).isPresent();
        }
    }

    @Test
    void anEnvelopeRefusesAPayloadOfTheWrongType() {
        assertThatThrownBy(() -> EventEnvelope.of(EventType.ORDER_CREATED, "o-1", samplePayload(EventType.SLA_VIOLATED)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
