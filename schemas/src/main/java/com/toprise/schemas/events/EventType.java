package com.toprise.schemas.events;

import java.util.Locale;

/** Every domain event, with its payload record, current schema version and JSON Schema file. */
public enum EventType {
    USER_CREATED(UserCreated.class, 1),
    USER_UPDATED(UserUpdated.class, 1),
    CATEGORY_UPDATED(CategoryUpdated.class, 1),
    ADDRESS_UPDATED(AddressUpdated.class, 1),
    PINCODE_UPDATED(PincodeUpdated.class, 1),
    ORDER_CREATED(OrderCreated.class, 1),
    ORDER_STATUS_CHANGED(OrderStatusChanged.class, 1),
    ORDER_VALIDATED(OrderValidated.class, 1),
    PRODUCT_UPDATED(ProductUpdated.class, 1),
    INVENTORY_CHANGED(InventoryChanged.class, 1),
    PAYMENT_RECEIVED(PaymentReceived.class, 1),
    SLA_VIOLATED(SlaViolated.class, 1),
    DEALER_UPDATED(DealerUpdated.class, 1),
    FULFILMENT_UPDATED(FulfilmentUpdated.class, 1),
    FULFILMENT_REASSIGNED(FulfilmentReassigned.class, 1);

    private final Class<?> payloadType;
    private final int version;

    EventType(Class<?> payloadType, int version) {
        this.payloadType = payloadType;
        this.version = version;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public int version() {
        return version;
    }

    /** {@code ORDER_STATUS_CHANGED} → {@code order-status-changed}: the name used in topics and schema files. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Classpath location of the JSON Schema (draft 2020-12) of the envelope carrying this event. */
    public String schemaResource() {
        return "/schemas/events/" + slug() + ".v" + version + ".schema.json";
    }
}
