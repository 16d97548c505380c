package com.toprise.schemas.topics;

import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.CategoryUpdated;
import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.FulfilmentUpdated;
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

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The topics of the system, in the spirit of Confluent's {@code Schemas.Topics}: typed constants so a producer,
 * a consumer, a topology or the provisioning cannot pair a topic with the wrong serde, partitions or configs.
 * Domain events go to {@code events.<type>}, keyed by their aggregate id (orderId, userId, productId,
 * {@link #inventoryKey}); the streams' outputs follow.
 *
 * <p>Two kinds of topic, by what a reader needs from it. Where the latest record per key is the keyed thing's
 * current state (a category, an address, a pincode, a product, a dealer's profile, a dealer's stock level), the
 * topic is compacted: a service that starts empty reads it from the beginning and learns every record, however
 * old, and nothing else is kept. Every other topic is history and keeps {@link #HISTORY_RETENTION}.
 *
 * <p>Topics that exist but are not declared here, because something else creates them with its own settings:
 * <ul>
 *   <li>{@code cdc.<db>.<collection>}: Kafka Connect creates each on the first change of its collection, from the
 *   Debezium sources' {@code topic.creation.default.*} (connectors/deploy: 3 partitions, the broker's replication
 *   and its default retention); the collections, not this registry, decide which exist. Each source's topics are
 *   first named {@code cdc-<db>.<db>.<collection>} ({@code topic.prefix}) and renamed by the connector's
 *   {@code RegexRouter} before they are created. Debezium's {@code __debezium-heartbeat.cdc-<db>} and Connect's own
 *   config, offset and status topics are created the same way.</li>
 *   <li>Kafka Streams' internal topics, created by Streams with the configs it needs:
 *   {@code toprise-inventory-levels-inventory-commands-repartition} (deleted by Streams once committed) and the
 *   changelogs of the inventory topology's stores, {@code ...-inventory-stock-changelog},
 *   {@code ...-inventory-order-reservations-changelog}, {@code ...-inventory-dealers-changelog},
 *   {@code ...-inventory-dealer-load-changelog} and {@code ...-inventory-acceptance-deadlines-changelog}
 *   (compacted: the store's latest value per key).</li>
 * </ul>
 */
public final class Topics {

    public static final int DEFAULT_PARTITIONS = 3;

    /**
     * How long a history topic keeps its records. Every consumer keeps what it needs from a history topic in its own
     * store (a service's database, a Streams changelog) and commits its offsets, so the topic only has to outlast a
     * consumer that is down or far behind: a week covers one broken over a long weekend and the days to repair it.
     * Older history is kept where it is queried (the services' databases, the Elasticsearch indices), not in Kafka;
     * and a redelivery can be at most this old, which bounds how long a consumer has to recognise one.
     */
    public static final Duration HISTORY_RETENTION = Duration.ofDays(7);
    /** Dead letters wait for a person to look at them and replay or drop them, so they outlast a holiday. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private static final Map<String, String> HISTORY = Map.of(Topic.CLEANUP_POLICY, "delete",
            Topic.RETENTION_MS, String.valueOf(HISTORY_RETENTION.toMillis()));
    private static final Map<String, String> CURRENT_STATE = Map.of(Topic.CLEANUP_POLICY, "compact");
    private static final Map<String, String> DEAD_LETTERS = Map.of(Topic.CLEANUP_POLICY, "delete",
            Topic.RETENTION_MS, String.valueOf(DEAD_LETTER_RETENTION.toMillis()));

    /**
     * Keyed by userId. History, although each carries the user's whole state: no service keeps a copy of users yet;
     * one that does needs this and {@link #USER_UPDATED} compacted together.
     */
    public static final Topic<String, EventEnvelope<UserCreated>> USER_CREATED =
            eventTopic(TopicNames.USER_CREATED, EventType.USER_CREATED, UserCreated.class, HISTORY);
    /** Keyed by userId; history, as {@link #USER_CREATED}. */
    public static final Topic<String, EventEnvelope<UserUpdated>> USER_UPDATED =
            eventTopic(TopicNames.USER_UPDATED, EventType.USER_UPDATED, UserUpdated.class, HISTORY);
    /** Keyed by categoryId; the latest record per key is the category's current state. */
    public static final Topic<String, EventEnvelope<CategoryUpdated>> CATEGORY_UPDATED =
            eventTopic(TopicNames.CATEGORY_UPDATED, EventType.CATEGORY_UPDATED, CategoryUpdated.class, CURRENT_STATE);
    /** Keyed by addressId; the latest record per key is the address's current state. */
    public static final Topic<String, EventEnvelope<AddressUpdated>> ADDRESS_UPDATED =
            eventTopic(TopicNames.ADDRESS_UPDATED, EventType.ADDRESS_UPDATED, AddressUpdated.class, CURRENT_STATE);
    /** Keyed by pincode; the latest record per key is the pincode's current state. */
    public static final Topic<String, EventEnvelope<PincodeUpdated>> PINCODE_UPDATED =
            eventTopic(TopicNames.PINCODE_UPDATED, EventType.PINCODE_UPDATED, PincodeUpdated.class, CURRENT_STATE);
    /** Keyed by orderId. */
    public static final Topic<String, EventEnvelope<OrderCreated>> ORDER_CREATED =
            eventTopic(TopicNames.ORDER_CREATED, EventType.ORDER_CREATED, OrderCreated.class, HISTORY);
    /** Keyed by orderId, so an order's changes stay in order on one partition. */
    public static final Topic<String, EventEnvelope<OrderStatusChanged>> ORDER_STATUS_CHANGED =
            eventTopic(TopicNames.ORDER_STATUS_CHANGED, EventType.ORDER_STATUS_CHANGED, OrderStatusChanged.class,
                    HISTORY);
    /** The inventory topology's confirmation or rejection of a new order; keyed by orderId. */
    public static final Topic<String, EventEnvelope<OrderValidated>> ORDER_VALIDATED =
            eventTopic(TopicNames.ORDER_VALIDATED, EventType.ORDER_VALIDATED, OrderValidated.class, HISTORY);
    /** Keyed by productId; the latest record per key is the product's current state. */
    public static final Topic<String, EventEnvelope<ProductUpdated>> PRODUCT_UPDATED =
            eventTopic(TopicNames.PRODUCT_UPDATED, EventType.PRODUCT_UPDATED, ProductUpdated.class, CURRENT_STATE);
    /**
     * Keyed by {@link #inventoryKey}, the same key as {@link #INVENTORY_LEVELS}, so no repartition is needed. History,
     * not state: stock figures and the topology's own reservations share a key, so compaction would drop a figure
     * behind a later reservation.
     */
    public static final Topic<String, EventEnvelope<InventoryChanged>> INVENTORY_CHANGED =
            eventTopic(TopicNames.INVENTORY_CHANGED, EventType.INVENTORY_CHANGED, InventoryChanged.class, HISTORY);
    /** Keyed by orderId, to join with the order's events without repartitioning. */
    public static final Topic<String, EventEnvelope<PaymentReceived>> PAYMENT_RECEIVED =
            eventTopic(TopicNames.PAYMENT_RECEIVED, EventType.PAYMENT_RECEIVED, PaymentReceived.class, HISTORY);
    /** Keyed by orderId. */
    public static final Topic<String, EventEnvelope<SlaViolated>> SLA_VIOLATED =
            eventTopic(TopicNames.SLA_VIOLATED, EventType.SLA_VIOLATED, SlaViolated.class, HISTORY);

    /** Keyed by dealerId; the latest record per key is the dealer's profile, read as a table by the topology. */
    public static final Topic<String, EventEnvelope<DealerUpdated>> DEALER_UPDATED =
            eventTopic(TopicNames.DEALER_UPDATED, EventType.DEALER_UPDATED, DealerUpdated.class, CURRENT_STATE);
    /** Keyed by orderId, so an order's fulfilment moves stay in order on one partition. */
    public static final Topic<String, EventEnvelope<FulfilmentUpdated>> FULFILMENT_UPDATED =
            eventTopic(TopicNames.FULFILMENT_UPDATED, EventType.FULFILMENT_UPDATED, FulfilmentUpdated.class, HISTORY);
    /** The inventory topology's reassignments of declined or expired fulfilments; keyed by orderId. */
    public static final Topic<String, EventEnvelope<FulfilmentReassigned>> FULFILMENT_REASSIGNED =
            eventTopic(TopicNames.FULFILMENT_REASSIGNED, EventType.FULFILMENT_REASSIGNED, FulfilmentReassigned.class,
                    HISTORY);

    /** Stock per SKU per dealer, keyed by {@link #inventoryKey}; the latest level per key is the current one. */
    public static final Topic<String, InventoryLevel> INVENTORY_LEVELS = new Topic<>(TopicNames.INVENTORY_LEVELS,
            Serdes.String(), JsonSerde.of(InventoryLevel.class), DEFAULT_PARTITIONS, CURRENT_STATE);

    /** The SLA violations Kafka Streams detects: SLA_VIOLATED envelopes keyed by orderId. */
    public static final Topic<String, EventEnvelope<SlaViolated>> SLA_VIOLATIONS = new Topic<>(TopicNames.SLA_VIOLATIONS,
            Serdes.String(), JsonSerde.envelopeOf(SlaViolated.class), DEFAULT_PARTITIONS, HISTORY);

    /**
     * Outbox entries the event router could not route (unknown type, not an envelope), as they were, with the
     * reason in the {@code error} header; keyed by the CDC record's key.
     */
    public static final Topic<String, String> OUTBOX_DEAD_LETTER = new Topic<>(TopicNames.OUTBOX_DEAD_LETTER,
            Serdes.String(), Serdes.String(), DEFAULT_PARTITIONS, DEAD_LETTERS);

    /**
     * Records the Elasticsearch sink could not index, as they were, with Connect's error context headers
     * ({@code __connect.errors.*}: topic, partition, offset, exception, message).
     */
    public static final Topic<String, String> ELASTICSEARCH_SINK_DEAD_LETTER = new Topic<>(
            TopicNames.ELASTICSEARCH_SINK_DEAD_LETTER, Serdes.String(), Serdes.String(), DEFAULT_PARTITIONS,
            DEAD_LETTERS);

    private static final List<Topic<?, ?>> ALL = Stream.concat(
            Arrays.stream(EventType.values()).map(Topics::events),
            Stream.of(INVENTORY_LEVELS, SLA_VIOLATIONS, OUTBOX_DEAD_LETTER, ELASTICSEARCH_SINK_DEAD_LETTER))
            .<Topic<?, ?>>map(t -> t).toList();

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
            case DEALER_UPDATED -> DEALER_UPDATED;
            case FULFILMENT_UPDATED -> FULFILMENT_UPDATED;
            case FULFILMENT_REASSIGNED -> FULFILMENT_REASSIGNED;
        };
    }

    /** Every topic, for the platform to create with its partitions and configs. */
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

    /** Refuses, when the class loads, a name or payload that is not the event type's. */
    private static <P> Topic<String, EventEnvelope<P>> eventTopic(String name, EventType type, Class<P> payloadType,
                                                                   Map<String, String> configs) {
        if (type.payloadType() != payloadType) {
            throw new IllegalStateException(type + " carries " + type.payloadType() + ", not " + payloadType);
        }
        if (!name.equals("events." + type.slug())) {
            throw new IllegalStateException(type + " goes to events." + type.slug() + ", not " + name);
        }
        return new Topic<>(name, Serdes.String(), JsonSerde.envelopeOf(payloadType), DEFAULT_PARTITIONS, configs);
    }
}
