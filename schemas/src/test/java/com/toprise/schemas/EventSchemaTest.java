package com.toprise.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema files are the contract for non-Java subscribers: what Java writes must satisfy them. */
class EventSchemaTest {

    // Jackson 2: the validator's tree model, deliberately independent of the Jackson 3 mapper under test
    private static final ObjectMapper JACKSON2 = new ObjectMapper();
    // draft 2020-12 treats "format" as an annotation unless told otherwise; uuid and date-time must be checked
    private static final SchemaValidatorsConfig ASSERT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static JsonNode schemaOf(EventType type) throws IOException {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema file " + type.schemaResource()).isNotNull();
            return JACKSON2.readTree(in);
        }
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode json) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemaOf(type), ASSERT_FORMATS);
        return schema.validate(json);
    }

    static JsonNode sampleJson(EventType type) throws IOException {
        return JACKSON2.readTree(SampleEvents.bytes(SampleEvents.envelope(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventSerialisesToJsonValidAgainstItsSchema(EventType type) throws IOException {
        assertThat(validate(type, sampleJson(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void optionalFieldsSentAsNullAreValid(EventType type) throws IOException {
        JsonNode json = sampleJson(type);
        ObjectNode payload = (ObjectNode) json.get("payload");
        List<String> required = texts(schemaOf(type).at("/properties/payload/required"));
        List<String> optional = new ArrayList<>();
        payload.fieldNames().forEachRemaining(name -> {
            if (!required.contains(name)) {
                optional.add(name);
            }
        });
        optional.forEach(payload::putNull);
        assertThat(validate(type, json)).isEmpty();
    }

    @Test
    void aMissingRequiredFieldAndAWrongTypeAreReported() throws IOException {
        JsonNode json = sampleJson(EventType.ORDER_CREATED);
        ((ObjectNode) json.get("payload")).remove("customerId");
        ((ObjectNode) json.get("payload").get("lines").get(0)).put("quantity", "two");
        assertThat(validate(EventType.ORDER_CREATED, json)).extracting(ValidationMessage::getMessage)
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("customerId"))
                .anySatisfy(m -> assertThat(m).contains("quantity"));
    }

    @Test
    void envelopeFormatsTypeAndEnumsAreEnforced() throws IOException {
        ObjectNode json = (ObjectNode) sampleJson(EventType.PRODUCT_UPDATED);
        json.put("eventId", "not-a-uuid");
        json.put("occurredAt", 1764065730000L);
        json.put("version", 2);
        ((ObjectNode) json.get("payload")).put("status", "PUBLISHED");
        assertThat(validate(EventType.PRODUCT_UPDATED, json)).extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("/eventId", "/occurredAt", "/version", "/payload/status");
    }

    /** product-service knows only onHand: its figures leave reserved and available out, the topology's may not. */
    @Test
    void inventoryFiguresCarryReservedAndAvailableOnlyFromTheTopology() throws IOException {
        ObjectNode json = (ObjectNode) sampleJson(EventType.INVENTORY_CHANGED);
        ObjectNode payload = (ObjectNode) json.get("payload");
        payload.remove(List.of("reserved", "available"));
        assertThat(validate(EventType.INVENTORY_CHANGED, json)).as("RESERVED without the figures").isNotEmpty();

        payload.put("reason", "ADJUSTMENT");
        assertThat(validate(EventType.INVENTORY_CHANGED, json)).as("a stock figure without them").isEmpty();
        JsonNode stockFigure = JACKSON2.readTree(SampleEvents.bytes(EventEnvelope.<Object>of(EventType.INVENTORY_CHANGED,
                "BRK-PAD-001|d-7", InventoryChanged.stockFigure("BRK-PAD-001", "d-7", 10, 3,
                        InventoryChanged.Reason.ADJUSTMENT))));
        assertThat(validate(EventType.INVENTORY_CHANGED, stockFigure)).isEmpty();
    }

    /** The fulfilment fields came to version 1 as optional ones: an event of a producer that lacks them is valid. */
    @Test
    void eventsWithoutTheFulfilmentFieldsStayValid() throws IOException {
        JsonNode order = sampleJson(EventType.ORDER_CREATED);
        ((ObjectNode) order.get("payload")).remove("deliveryLocation");
        order.get("payload").get("lines").forEach(line -> ((ObjectNode) line).remove("categories"));
        assertThat(validate(EventType.ORDER_CREATED, order)).isEmpty();

        JsonNode verdict = sampleJson(EventType.ORDER_VALIDATED);
        ((ObjectNode) verdict.get("payload")).remove("fulfilments");
        assertThat(validate(EventType.ORDER_VALIDATED, verdict)).isEmpty();

        JsonNode product = sampleJson(EventType.PRODUCT_UPDATED);
        ((ObjectNode) product.get("payload")).remove("categoryPath");
        assertThat(validate(EventType.PRODUCT_UPDATED, product)).isEmpty();

        JsonNode address = sampleJson(EventType.ADDRESS_UPDATED);
        ((ObjectNode) address.get("payload")).remove(List.of("line1", "line2", "location", "contactName",
                "contactPhone"));
        assertThat(validate(EventType.ADDRESS_UPDATED, address)).isEmpty();
    }

    @Test
    void aPointOffTheEarthBadHoursAndAnUnknownFulfilmentStatusAreReported() throws IOException {
        JsonNode dealer = sampleJson(EventType.DEALER_UPDATED);
        ((ObjectNode) dealer.at("/payload/location/point")).put("latitude", 91.0);
        ((ObjectNode) dealer.at("/payload/workingHours/0")).put("opens", "9.30am");
        ((ObjectNode) dealer.get("payload")).put("serviceRadiusKm", 0);
        assertThat(validate(EventType.DEALER_UPDATED, dealer)).extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString).containsExactlyInAnyOrder("/payload/location/point/latitude",
                        "/payload/workingHours/0/opens", "/payload/serviceRadiusKm");

        JsonNode moved = sampleJson(EventType.FULFILMENT_UPDATED);
        ((ObjectNode) moved.get("payload")).put("to", "LOST");
        ((ObjectNode) moved.at("/payload/lines/0")).put("quantity", 0);
        assertThat(validate(EventType.FULFILMENT_UPDATED, moved)).extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString).containsExactlyInAnyOrder("/payload/to", "/payload/lines/0/quantity");
    }

    /** A reassignment always says what became of the lines: new shares, unassigned ones, or both. */
    @Test
    void aReassignmentWithoutItsSharesOrUnassignedLinesIsReported() throws IOException {
        JsonNode json = sampleJson(EventType.FULFILMENT_REASSIGNED);
        ((ObjectNode) json.get("payload")).remove(List.of("shares", "unassigned"));
        ((ObjectNode) json.get("payload")).put("cause", "DEALER_BUSY");
        assertThat(validate(EventType.FULFILMENT_REASSIGNED, json)).extracting(ValidationMessage::getMessage)
                .hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("shares"))
                .anySatisfy(m -> assertThat(m).contains("unassigned"))
                .anySatisfy(m -> assertThat(m).contains("cause"));
    }

    @Test
    void anEventOfAnotherTypeIsRejected() throws IOException {
        assertThat(validate(EventType.ORDER_CREATED, sampleJson(EventType.ORDER_STATUS_CHANGED))).isNotEmpty();
    }

    /** A field added to a record, or an enum constant, without its schema being updated fails here. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesEveryFieldAndEnumConstantOfTheRecords(EventType type) throws IOException {
        JsonNode schema = schemaOf(type);
        assertMatches(EventEnvelope.class, schema, "");
        assertMatches(type.payloadType(), schema.at("/properties/payload"), "payload");
    }

    /** The strings of a JSON array, nulls left out. */
    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> {
            if (!n.isNull()) {
                texts.add(n.asText());
            }
        });
        return texts;
    }

    private static void assertMatches(Class<?> record, JsonNode schema, String path) {
        JsonNode properties = schema.get("properties");
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(properties.fieldNames()).toIterable().as(path + " properties").containsExactlyInAnyOrderElementsOf(components);
        assertThat(texts(schema.get("required"))).as(path + " required").isSubsetOf(components);
        // a primitive cannot be absent in Java (Json fails on it), so the schema must require it too
        Arrays.stream(record.getRecordComponents()).filter(c -> c.getType().isPrimitive())
                .forEach(c -> assertThat(texts(schema.get("required"))).as(path + " required").contains(c.getName()));
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = properties.get(component.getName());
            String at = path + "." + component.getName();
            if (component.getType().isEnum()) {
                List<String> constants = Arrays.stream(component.getType().getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).toList();
                assertThat(texts(property.get("enum"))).as(at + " enum").containsExactlyElementsOf(constants);
            } else if (component.getType().isRecord()) {
                assertMatches(component.getType(), property, at);
            } else if (List.class.isAssignableFrom(component.getType())) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> c && c.isRecord()) {
                    assertMatches(c, property.get("items"), at + "[]");
                }
            }
        }
    }
}
