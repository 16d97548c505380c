package com.toprise.schemas;

import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryLevel;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.serde.Json;
import com.toprise.schemas.serde.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSerdeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventRoundTrips(EventType type) {
        EventEnvelope<Object> sent = SampleEvents.envelope(type);
        EventEnvelope<Object> received = SampleEvents.serde(type).deserialize("t", SampleEvents.bytes(sent));
        assertThat(received).isEqualTo(sent);
        assertThat(received.payload()).isInstanceOf(type.payloadType());
        assertThat(received.version()).isEqualTo(type.version());
    }

    /** A v1 reader meets an event from a producer that already added fields, to the payload and the envelope. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAreIgnored(EventType type) {
        EventEnvelope<Object> sent = SampleEvents.envelope(type);
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(SampleEvents.bytes(sent));
        json.put("traceId", "4bf92f3577b34da6");
        ((ObjectNode) json.get("payload")).putObject("addedInV2").put("hsnCode", "87083000").putArray("tags").add(1);
        EventEnvelope<Object> received = SampleEvents.serde(type).deserialize("t", Json.MAPPER.writeValueAsBytes(json));
        assertThat(received).isEqualTo(sent);
    }

    @Test
    void missingOptionalFieldsReadAsNull() {
        String json = """
                {"eventId":"7f1c2a9e-0000-4000-8000-000000000001","type":"PRODUCT_UPDATED","version":1,
                 "occurredAt":"2026-11-25T10:15:30Z","aggregateId":"p-1",
                 "payload":{"productId":"p-1","sku":"BRK-PAD-001","name":"Pads","status":"LIVE"}}""";
        EventEnvelope<ProductUpdated> event = JsonSerde.envelopeOf(ProductUpdated.class)
                .deserialize("events.product-updated", json.getBytes(StandardCharsets.UTF_8));
        assertThat(event.payload()).isEqualTo(new ProductUpdated("p-1", "BRK-PAD-001", "Pads", null, null, null, null,
                ProductUpdated.ProductStatus.LIVE, null, null));
        assertThat(event.occurredAt()).isEqualTo(SampleEvents.T);
    }

    @Test
    void instantsAreIsoStringsAndMoneyIsAnExactNumber() {
        String json = new String(SampleEvents.bytes(SampleEvents.envelope(EventType.ORDER_CREATED)), StandardCharsets.UTF_8);
        assertThat(json).containsPattern("\"occurredAt\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\"")
                .contains("\"unitPrice\":1499.00", "\"total\":3347.50");
        byte[] big = JsonSerde.of(OrderCreated.Line.class).serialize("t",
                new OrderCreated.Line("X", 1, new BigDecimal("1E+3"), null));
        assertThat(new String(big, StandardCharsets.UTF_8)).contains("\"unitPrice\":1000");
    }

    /** A verdict, an order and an address written before the fulfilment fields existed read with those null. */
    @Test
    void eventsWrittenBeforeTheFulfilmentFieldsReadWithThemNull() {
        String verdict = """
                {"eventId":"e-1","type":"ORDER_VALIDATED","version":1,"occurredAt":"2026-11-25T10:15:30Z",
                 "aggregateId":"o-1","payload":{"orderId":"o-1","result":"CONFIRMED","lines":[{"sku":"BRK-PAD-001",
                 "quantity":2,"allocations":[{"dealerId":"d-7","quantity":2}],"availableUnits":8}]}}""";
        OrderValidated validated = JsonSerde.envelopeOf(OrderValidated.class).deserialize("t", verdict.getBytes())
                .payload();
        assertThat(validated.fulfilments()).isNull();
        assertThat(validated.lines().get(0).allocations()).containsExactly(new OrderValidated.Allocation("d-7", 2));

        String order = """
                {"eventId":"e-2","type":"ORDER_CREATED","version":1,"occurredAt":"2026-11-25T10:15:30Z",
                 "aggregateId":"o-1","payload":{"orderId":"o-1","customerId":"u-1","total":1,"currency":"INR",
                 "lines":[{"sku":"BRK-PAD-001","quantity":1,"unitPrice":1}],"deliveryPincode":"560001"}}""";
        OrderCreated created = JsonSerde.envelopeOf(OrderCreated.class).deserialize("t", order.getBytes()).payload();
        assertThat(created.deliveryLocation()).isNull();
        assertThat(created.lines().get(0).categories()).isNull();

        String address = """
                {"eventId":"e-3","type":"ADDRESS_UPDATED","version":1,"occurredAt":"2026-11-25T10:15:30Z",
                 "aggregateId":"addr-1","payload":{"addressId":"addr-1","userId":"u-1","city":"Bengaluru",
                 "pincode":"560001","removed":false,"updatedAt":"2026-11-25T10:15:30Z"}}""";
        AddressUpdated saved = JsonSerde.envelopeOf(AddressUpdated.class).deserialize("t", address.getBytes())
                .payload();
        assertThat(saved).isEqualTo(new AddressUpdated("addr-1", "u-1", null, null, "Bengaluru", null, "560001",
                false, null, null, null, SampleEvents.T));
    }

    /** Non-Java readers get a point as two numbers, hours as ISO local times and days by name. */
    @Test
    void placesAndHoursAreWrittenAsPlainJson() {
        JsonNode dealer = Json.MAPPER.readTree(SampleEvents.bytes(SampleEvents.envelope(EventType.DEALER_UPDATED)))
                .get("payload");
        assertThat(dealer.at("/location/point/latitude").isNumber()).isTrue();
        assertThat(dealer.at("/location/point/latitude").asDouble()).isEqualTo(12.9667);
        assertThat(dealer.at("/location/point/longitude").asDouble()).isEqualTo(77.601);
        assertThat(dealer.at("/location/source").asString()).isEqualTo("GEOCODED");
        assertThat(dealer.at("/serviceRadiusKm").asDouble()).isEqualTo(8.0);
        JsonNode monday = dealer.at("/workingHours/0");
        assertThat(monday.get("day").asString()).isEqualTo("MONDAY");
        assertThat(monday.get("opens").asString()).matches("09:30(:00)?");
        assertThat(monday.get("closes").asString()).matches("19:00(:00)?");
    }

    /** product-service's figure reads back with reserved and available null, not as a made-up 0. */
    @Test
    void aStockFigureWithoutReservationsRoundTripsAsNull() {
        JsonSerde<EventEnvelope<InventoryChanged>> serde = JsonSerde.envelopeOf(InventoryChanged.class);
        EventEnvelope<InventoryChanged> sent = EventEnvelope.of(EventType.INVENTORY_CHANGED, "BRK-PAD-001|d-7",
                InventoryChanged.stockFigure("BRK-PAD-001", "d-7", 10, 3, InventoryChanged.Reason.ADJUSTMENT));
        EventEnvelope<InventoryChanged> received = serde.deserialize("t", serde.serialize("t", sent));
        assertThat(received).isEqualTo(sent);
        assertThat(received.payload().reserved()).isNull();
        assertThat(received.payload().available()).isNull();
    }

    @Test
    void aNullValueIsATombstoneBothWays() {
        JsonSerde<InventoryLevel> serde = JsonSerde.of(InventoryLevel.class);
        assertThat(serde.serialize("inventory.levels", null)).isNull();
        assertThat(serde.deserialize("inventory.levels", null)).isNull();
    }

    @Test
    void typeReferencesKeepGenericElementTypes() {
        JsonSerde<List<InventoryLevel>> serde = JsonSerde.of(new TypeReference<>() { });
        List<InventoryLevel> levels = List.of(new InventoryLevel("BRK-PAD-001", "d-7", 10, 2, 8));
        assertThat(serde.deserialize("t", serde.serialize("t", levels))).isEqualTo(levels);
    }

    @Test
    void garbageIsASerializationErrorNamingTheTopic() {
        assertThatThrownBy(() -> JsonSerde.envelopeOf(OrderCreated.class)
                .deserialize("events.order-created", "{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("events.order-created").hasMessageContaining("OrderCreated");
        assertThatThrownBy(() -> JsonSerde.of(InventoryLevel.class)
                .deserialize("inventory.levels", new byte[]{(byte) 0xC3, 0x28, 0x00}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void anUnknownEnumConstantOrAMissingRequiredNumberIsASerializationErrorSayingWhere() {
        String json = """
                {"eventId":"e-1","type":"ORDER_STATUS_CHANGED","version":1,"occurredAt":"2026-11-25T10:15:30Z",
                 "aggregateId":"o-1","payload":{"orderId":"o-1","to":"TELEPORTED"}}""";
        assertThatThrownBy(() -> JsonSerde.envelopeOf(OrderStatusChanged.class).deserialize("t", json.getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("TELEPORTED")
                .hasMessageContaining("at payload.to");
        String noQuantity = """
                {"eventId":"e-1","type":"ORDER_CREATED","version":1,"occurredAt":"2026-11-25T10:15:30Z",
                 "aggregateId":"o-1","payload":{"orderId":"o-1","lines":[{"sku":"BRK-PAD-001","unitPrice":1}]}}""";
        assertThatThrownBy(() -> JsonSerde.envelopeOf(OrderCreated.class).deserialize("t", noQuantity.getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("at payload.lines[0]");
    }

    @Test
    void anEnvelopeRefusesAPayloadOfTheWrongType() {
        assertThatThrownBy(() -> EventEnvelope.of(EventType.ORDER_CREATED, "o-1",
                SampleEvents.payload(EventType.SLA_VIOLATED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SlaViolated");
    }
}
