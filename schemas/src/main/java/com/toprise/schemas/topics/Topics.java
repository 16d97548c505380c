package com.toprise.schemas.topics;

import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.CategoryUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryLevel;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.PincodeUpdated;
import com.toprise.schemas.events.PaymentReceived;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.SlaViolated;
import com.toprise.schemas.events.UserCreated;
import com.toprise.schemas.events.UserUpdated;
import com.toprise.schemas.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The topics of the system, in the spirit of Confluent's {@code Schemas.Topics}: typed constants so a producer
 * or a topology cannot pair a topic with the wrong serde. Domain events go to {@code events.<type>}, keyed by
 * their aggregate id (orderId, userId, productId, {@link #inventoryKey}); the streams' outputs follow.
 */
public final class Topics {

    public static final int DEFAULT_PARTITIONS = 3;

    /** Keyed by userId. */
    public static final Topic<String, EventEnvelope<UserCreated>> USER_CREATED =
            eventTopic(EventType.USER_CREATED, UserCreated.class);
    /** Keyed by userId. */
    public static final Topic<String, EventEnvelope<UserUpdated>> USER_UPDATED =
            eventTopic(EventType.USER_UPDATED, UserUpdated.class);
    /** Keyed by categoryId; the latest record per key is the category's current state. */
    public static final Topic<String, EventEnvelope<CategoryUpdated>> CATEGORY_UPDATED =
            eventTopic(EventType.CATEGORY_UPDATED, CategoryUpdated.class);
    /** Keyed by addressId; the latest record per key is the address's current state. */
    public static final Topic<String, EventEnvelope<AddressUpdated>> ADDRESS_UPDATED =
            eventTopic(EventType.ADDRESS_UPDATED, AddressUpdated.class);
    /** Keyed by pincode; the latest record per key is the pincode's current state. */
    public static final Topic<String, EventEnvelope<PincodeUpdated>> PINCODE_UPDATED =
            eventTopic(EventType.PINCODE_UPDATED, PincodeUpdated.class);
    /** Keyed by orderId. */
    public static final Topic<String, EventEnvelope<OrderCreated>> ORDER_CREATED =
            eventTopic(EventType.ORDER_CREATED, OrderCreated.class);
    /** Keyed by orderId, so an order's changes stay in order on one partition. */
    public static final Topic<String, EventEnvelope<OrderStatusChanged>> ORDER_STATUS_CHANGED =
            eventTopic(EventType.ORDER_STATUS_CHANGED, OrderStatusChanged.class);
    /** The inventory topology's confirmation or rejection of a new order; keyed by orderId. */
    public static final Topic<String, EventEnvelope<OrderValidated>> ORDER_VALIDATED =
            eventTopic(EventType.ORDER_VALIDATED, OrderValidated.class);
    /** Keyed by productId. */
    public static final Topic<String, EventEnvelope<ProductUpdated>> PRODUCT_UPDATED =
            eventTopic(EventType.PRODUCT_UPDATED, ProductUpdated.class);
    /** Keyed by {@link #inventoryKey}, the same key as {@link #INVENTORY_LEVELS}, so no repartition is needed. */
    public static final Topic<String, EventEnvelope<InventoryChanged>> INVENTORY_CHANGED =
            eventTopic(EventType.INVENTORY_CHANGED, InventoryChanged.class);
    /** Keyed by orderId, to join with the order's events without repartitioning. */
    public static final Topic<String, EventEnvelope<PaymentReceived>> PAYMENT_RECEIVED =
            eventTopic(EventType.PAYMENT_RECEIVED, PaymentReceived.class);
    /** Keyed by orderId. */
    public static final Topic<String, EventEnvelope<SlaViolated>> SLA_VIOLATED =
            eventTopic(EventType.SLA_VIOLATED, SlaViolated.class);

    /** Stock per SKU per dealer, keyed by {@link #inventoryKey}; live state, so compacted. */
    public static final Topic<String, InventoryLevel> INVENTORY_LEVELS =
            new Topic<>("inventory.levels", Serdes.String(), JsonSerde.of(InventoryLevel.class), DEFAULT_PARTITIONS);

    /** The SLA violations Kafka Streams detects: SLA_VIOLATED envelopes keyed by orderId. */
    public static final Topic<String, EventEnvelope<SlaViolated>> SLA_VIOLATIONS =
            new Topic<>("sla.violations", Serdes.String(), JsonSerde.envelopeOf(SlaViolated.class), DEFAULT_PARTITIONS);

    /**
     * Outbox entries the event router could not route (unknown type, not an envelope), as they were, with the
     * reason in the {@code error} header; keyed by the CDC record's key.
     */
    public static final Topic<String, String> OUTBOX_DEAD_LETTER =
            new Topic<>("outbox.dead-letter", Serdes.String(), Serdes.String(), DEFAULT_PARTITIONS);

    /**
     * Records the Elasticsearch sink could not index, as they were, with Connect's error context headers
     * ({@code __connect.errors.*}: topic, partition, offset, exception, message).
     */
    public static final Topic<String, String> ELASTICSEARCH_SINK_DEAD_LETTER =
            new Topic<>("dlq.elasticsearch-sink", Serdes.String(), Serdes.String(), DEFAULT_PARTITIONS);

    private static final List<Topic<?, ?>> ALL = Stream.concat(
            Arrays.stream(EventType.values()).map(Topics::events),
            Stream.of(INVENTORY_LEVELS, SLA_VIOLATIONS, OUTBOX_DEAD_LETTER, ELASTICSEARCH_SINK_DEAD_LETTER)).<Topic<?, ?>>map(t -> t).toList();

    private Topics() {
    }

    /** The topic of one event type. The switch is exhaustive, so a new event type without a topic fails to compile. */
    public static Topic<String, ? extends EventEnvelope<?>> events(EventType type) {
        return switch (type) {
            case USER_CREATED -> USER_CREATED;
            case USER_UPDATED -> USER_UPDATED;
            case CATEGORY_UPDATED -> CATEGORY_UPDATED;
            case ADDRESS_UPDATED -> ADDRESS_UPDATED;
            case PINCODE_UPDATED -> PINCODE_UPDATED;
            case ORDER_CREATED -> ORDER_CREATED;
            case ORDER_STATUS_CHANGED -> ORDER_STATUS_CHANGED;
            case ORDER_VALIDATED -> ORDER_VALIDATED;
            case PRODUCT_UPDATED -> PRODUCT_UPDATED;
            case INVENTORY_CHANGED -> INVENTORY_CHANGED;
            case PAYMENT_RECEIVED -> PAYMENT_RECEIVED;
            case SLA_VIOLATED -> SLA_VIOLATED;
        };
    }

    /** Every topic, for the platform to create with its partitions. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The key of a dealer's stock of one SKU: {@code BRK-PAD-001|d-7}. */
    public static String inventoryKey(String sku, String dealerId) {
        return sku + "|" + dealerId;
    }

    private static <P> Topic<String, EventEnvelope<P>> eventTopic(EventType type, Class<P> payloadType) {
        if (type.payloadType() != payloadType) {
            throw new IllegalStateException(type + " carries " + type.payloadType() + ", not " + payloadType);
        }
        return new Topic<>("events." + type.slug(), Serdes.String(), JsonSerde.envelopeOf(payloadType),
                DEFAULT_PARTITIONS);
    }
}
