package com.toprise.schemas.topics;

/**
 * The names of the registry's topics as compile-time constants, for the one place that cannot take a
 * {@link Topic}: an annotation such as {@code @KafkaListener(topics = TopicNames.PRODUCT_UPDATED)}. {@link Topics}
 * builds each entry from the constant here, so a name is written once; everything else uses the {@link Topic}.
 */
public final class TopicNames {

    public static final String USER_CREATED = "events.user-created";
    public static final String USER_UPDATED = "events.user-updated";
    public static final String CATEGORY_UPDATED = "events.category-updated";
    public static final String ADDRESS_UPDATED = "events.address-updated";
    public static final String PINCODE_UPDATED = "events.pincode-updated";
    public static final String ORDER_CREATED = "events.order-created";
    public static final String ORDER_STATUS_CHANGED = "events.order-status-changed";
    public static final String ORDER_VALIDATED = "events.order-validated";
    public static final String PRODUCT_UPDATED = "events.product-updated";
    public static final String INVENTORY_CHANGED = "events.inventory-changed";
    public static final String PAYMENT_RECEIVED = "events.payment-received";
    public static final String SLA_VIOLATED = "events.sla-violated";
    public static final String DEALER_UPDATED = "events.dealer-updated";
    public static final String FULFILMENT_UPDATED = "events.fulfilment-updated";
    public static final String FULFILMENT_REASSIGNED = "events.fulfilment-reassigned";
    public static final String INVENTORY_LEVELS = "inventory.levels";
    public static final String SLA_VIOLATIONS = "sla.violations";
    public static final String OUTBOX_DEAD_LETTER = "outbox.dead-letter";
    public static final String ELASTICSEARCH_SINK_DEAD_LETTER = "dlq.elasticsearch-sink";

    private TopicNames() {
    }
}
