package com.toprise.order.courier;

import com.toprise.common.web.ForbiddenException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.common.web.ServiceUnavailableException;
import com.toprise.common.web.UnauthorizedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Takes Borzo's delivery callbacks: verifies the signature over the raw body before reading anything, finds the
 * delivery by Borzo's order id, applies each event once and tells {@link DeliveryProgress} the milestones it
 * reached. The event's key is stored first (its id is the key, so a replay is refused by the store), progress is
 * reported, then the delivery written; when a step fails the key is removed again and the callback answered with
 * an error, so Borzo's retry finds it new.
 */
@Service
public class BorzoCallbacks {

    /** What became of a callback. */
    public enum Outcome { APPLIED, REPLAYED, IGNORED }

    private final MongoTemplate mongo;
    private final CallbackSignature signature;
    private final ObjectProvider<DeliveryProgress> progress;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public BorzoCallbacks(MongoTemplate mongo, CallbackSignature signature, ObjectProvider<DeliveryProgress> progress,
                          ObjectMapper json) {
        this.mongo = mongo;
        this.signature = signature;
        this.progress = progress;
        this.json = json;
    }

    /**
     * @param body            the request body exactly as it came
     * @param signatureHeader {@code X-DV-Signature}
     * @throws UnauthorizedException     without a signature
     * @throws ForbiddenException        with a signature that is not the body's
     * @throws ResourceNotFoundException for a Borzo order no delivery was booked as
     */
    public Outcome receive(byte[] body, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new UnauthorizedException("The X-DV-Signature header is required.");
        }
        if (!signature.verify(body, signatureHeader)) {
            throw new ForbiddenException("The X-DV-Signature does not match the body.");
        }
        BorzoCallback callback = BorzoCallback.parse(body, json);
        if (!callback.aboutDelivery()) {
            return Outcome.IGNORED;
        }
        Delivery delivery = mongo.findOne(Query.query(where("borzoOrderId").is(callback.borzoOrderId())),
                Delivery.class);
        if (delivery == null) {
            if (mongo.exists(Query.query(where("cancelledBorzoOrderIds").is(callback.borzoOrderId())),
                    Delivery.class)) {
                // a booking we replaced; its courier task is over
                return Outcome.IGNORED;
            }
            throw new ResourceNotFoundException("Borzo order", callback.borzoOrderId());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            mongo.insert(new ReceivedCallback(callback.key(), callback.borzoOrderId(), delivery.id(),
                    callback.status(), callback.eventAt(), now));
        } catch (DuplicateKeyException e) {
            return Outcome.REPLAYED;
        }
        try {
            apply(delivery, callback, now);
        } catch (RuntimeException e) {
            mongo.remove(Query.query(where("_id").is(callback.key())), ReceivedCallback.class);
            throw e;
        }
        return Outcome.APPLIED;
    }

    private void apply(Delivery delivery, BorzoCallback callback, Instant now) {
        Delivery.Transition transition = delivery.apply(callback.status(), callback.description(),
                callback.eventAt(), now);
        if (transition.delivery() == delivery) {
            return;
        }
        for (Delivery.Milestone milestone : transition.milestones()) {
            progress.orderedStream().forEach(listener -> report(listener, milestone, transition.delivery()));
        }
        Query unchanged = Query.query(where("_id").is(delivery.id()).and("version").is(delivery.version()));
        if (mongo.findAndReplace(unchanged, transition.delivery()) == null) {
            throw new ServiceUnavailableException("Delivery " + delivery.id() + " changed while this callback was "
                    + "applied; send it again.", null);
        }
    }

    private static void report(DeliveryProgress listener, Delivery.Milestone milestone, Delivery delivery) {
        switch (milestone) {
            case PICKED_UP -> listener.pickedUp(delivery.id(), delivery.pickedUpAt());
            case DELIVERED -> listener.delivered(delivery.id(), delivery.deliveredAt());
            case CANCELLED -> listener.deliveryCancelled(delivery.id(), delivery.cancelReason() == null
                    ? "Borzo cancelled the delivery" : delivery.cancelReason(), delivery.cancelledAt());
        }
    }
}
