package com.toprise.order.order;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.security.Digests;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.UnprocessableContentException;
import com.toprise.order.catalog.KnownProduct;
import com.toprise.order.catalog.KnownProducts;
import com.toprise.order.delivery.DeliveryAddresses;
import com.toprise.order.delivery.Destination;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes an order: one order per Idempotency-Key, checked against the catalog and the customer's addresses as this
 * service knows them, stored as CREATED with ORDER_CREATED in the same write. Stock is not checked here: the
 * inventory topology reserves it and answers with ORDER_VALIDATED.
 */
@Service
public class OrderIntake {

    private final OrderProperties properties;
    private final IdempotencyKeys keys;
    private final KnownProducts products;
    private final DeliveryAddresses delivery;
    private final OutboxWriter outbox;
    private final MongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    OrderIntake(OrderProperties properties, IdempotencyKeys keys, KnownProducts products, DeliveryAddresses delivery,
                OutboxWriter outbox, MongoTemplate mongo) {
        this.properties = properties;
        this.keys = keys;
        this.products = products;
        this.delivery = delivery;
        this.outbox = outbox;
        this.mongo = mongo;
    }

    public Placement place(String customerId, NewOrder request, String idempotencyKey) {
        IdempotencyKeys.checkFormat(idempotencyKey);
        String fingerprint = fingerprint(request);
        String orderId = IdempotencyKeys.orderIdFor(customerId, idempotencyKey);
        long deadline = System.nanoTime() + properties.replayWait().toNanos();
        while (!keys.tryClaim(customerId, idempotencyKey, fingerprint)) {
            String holder = keys.holder(customerId, idempotencyKey).orElse(null);
            if (holder != null && !holder.equals(fingerprint)) {
                throw reusedKey();
            }
            Order existing = mongo.findById(orderId, Order.class);
            if (existing != null) {
                return new Placement(existing, true);
            }
            if (System.nanoTime() > deadline) {
                throw new ConflictException("An order with this Idempotency-Key is still being placed; retry shortly.");
            }
            pause(); // the first request with this key is still storing its order, or has just given the key up
        }
        try {
            return store(buildOrder(orderId, customerId, request, fingerprint), idempotencyKey);
        } catch (RuntimeException e) {
            keys.release(customerId, idempotencyKey);
            throw e;
        }
    }

    /** The order already placed with this key, if any: a retried checkout finds it although the cart is empty now. */
    public Optional<Order> placedWith(String customerId, String idempotencyKey) {
        IdempotencyKeys.checkFormat(idempotencyKey);
        return Optional.ofNullable(mongo.findById(IdempotencyKeys.orderIdFor(customerId, idempotencyKey), Order.class));
    }

    private Placement store(Order order, String idempotencyKey) {
        try {
            outbox.insert(order, order.createdEvent());
        } catch (DuplicateKeyException stored) {
            // Redis had forgotten the key, but the order of this key exists: answer with it, as for any retry
            Order existing = mongo.findById(order.id(), Order.class);
            if (existing == null || !existing.requestFingerprint().equals(order.requestFingerprint())) {
                throw reusedKey();
            }
            keys.keep(order.customerId(), idempotencyKey, order.requestFingerprint());
            return new Placement(existing, true);
        }
        keys.keep(order.customerId(), idempotencyKey, order.requestFingerprint());
        return new Placement(order, false);
    }

    private Order buildOrder(String orderId, String customerId, NewOrder request, String fingerprint) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, KnownProduct> known = products.bySku(request.lines().stream().map(NewOrderLine::sku).toList());
        Set<String> seen = new HashSet<>();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewOrderLine line = request.lines().get(i);
            String field = "lines[" + i + "].sku";
            KnownProduct product = known.get(line.sku());
            String refusal = KnownProduct.refusal(product);
            if (!seen.add(line.sku())) {
                errors.add(new FieldError(field, "is already ordered in an earlier line; order it once with the total quantity"));
            } else if (refusal != null) {
                errors.add(new FieldError(field, refusal));
            } else {
                BigDecimal lineTotal = product.price().multiply(BigDecimal.valueOf(line.quantity()));
                lines.add(new OrderLine(line.sku(), product.productId(), product.name(), line.quantity(),
                        product.price(), lineTotal, List.of(), null, null, product.categories()));
            }
        }
        Destination destination = delivery.check("deliveryAddressId", customerId, request.deliveryAddressId(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = clock.instant();
        Actor buyer = new Actor(Actor.Kind.BUYER, customerId);
        StatusChange placed = new StatusChange(null, OrderState.CREATED, buyer.label(), now, null);
        return new Order(orderId, customerId, OrderState.CREATED, lines, total, properties.currency(), destination,
                List.of(), List.of(placed), fingerprint, now, now);
    }

    /** The request as the client sent it, so a retry matches even if prices or stock changed in between. */
    static String fingerprint(NewOrder request) {
        StringBuilder canonical = new StringBuilder(request.deliveryAddressId());
        request.lines().forEach(l -> canonical.append('\n').append(l.sku()).append(':').append(l.quantity()));
        return Digests.sha256Hex(canonical.toString());
    }

    private static UnprocessableContentException reusedKey() {
        return new UnprocessableContentException(
                "This Idempotency-Key was used for a different order; use a new key for a new order.");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("Interrupted while waiting for the first request with this Idempotency-Key.");
        }
    }
}
