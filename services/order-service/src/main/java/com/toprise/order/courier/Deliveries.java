package com.toprise.order.courier;

import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ServiceUnavailableException;
import com.toprise.common.web.UnprocessableContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Books and cancels the courier of a fulfilment with Borzo, one delivery per fulfilment. A booking first writes a
 * claim (the delivery in status {@code booking}, keyed by the fulfilment id), so of two concurrent bookings only
 * one calls Borzo; the other, and every later one, gets the stored delivery. A failed booking removes its claim,
 * so it can be tried again; a cancelled delivery can be booked anew.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final MongoTemplate mongo;
    private final BorzoClient borzo;
    private final Duration claimTtl;
    private final Clock clock;

    @Autowired
    public Deliveries(MongoTemplate mongo, BorzoClient borzo, BorzoProperties properties) {
        this(mongo, borzo, properties.bookingClaimTtl(), Clock.systemUTC());
    }

    Deliveries(MongoTemplate mongo, BorzoClient borzo, Duration claimTtl, Clock clock) {
        this.mongo = mongo;
        this.borzo = borzo;
        this.claimTtl = claimTtl;
        this.clock = clock;
    }

    /**
     * Prices (calculate-order) and books (create-order) the delivery of a packed fulfilment, or returns the one
     * already booked for it without calling Borzo again.
     *
     * @throws InvalidRequestException       when the request lacks what Borzo requires (addresses, phones)
     * @throws UnprocessableContentException when Borzo refuses the delivery (its field errors in the message)
     * @throws ServiceUnavailableException   when Borzo fails or cannot be reached; nothing is stored
     */
    public Delivery book(DeliveryRequest request) {
        List<FieldError> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Delivery existing = mongo.findById(request.fulfilmentId(), Delivery.class);
        if (existing != null && !existing.rebookable(now(), claimTtl)) {
            return existing;
        }
        Delivery claim = existing == null ? Delivery.booking(request, now())
                : existing.rebooking(request, now());
        if (!claimed(existing, claim)) {
            return mongo.findById(request.fulfilmentId(), Delivery.class);
        }
        BorzoOrder created;
        Delivery booked;
        try {
            BorzoOrder quote = borzo.calculate(request);
            created = borzo.create(request);
            booked = claim.booked(created, quote.deliveryFee(), now());
        } catch (BorzoException e) {
            release(claim, existing);
            throw translated(request.fulfilmentId(), e);
        } catch (RuntimeException e) {
            release(claim, existing);
            throw e;
        }
        if (!replaced(claim, booked)) {
            // only a claim past its TTL can be taken over, and Borzo answered long before that
            log.error("Borzo order {} was booked for fulfilment {}, but its claim was taken over meanwhile; "
                    + "cancel it in Borzo's dashboard", created.orderId(), request.fulfilmentId());
            return mongo.findById(request.fulfilmentId(), Delivery.class);
        }
        return booked;
    }

    /**
     * Cancels the fulfilment's delivery at Borzo when it is still open (booked, not finished or cancelled); a
     * fulfilment without one, or with a closed one, is left as it is.
     *
     * @throws UnprocessableContentException when Borzo refuses (the courier already has the parcel)
     * @throws ServiceUnavailableException   when Borzo fails or cannot be reached; the delivery stays open
     */
    public void cancel(String fulfilmentId, String reason) {
        Delivery delivery = mongo.findById(fulfilmentId, Delivery.class);
        if (delivery == null || !delivery.open()) {
            return;
        }
        try {
            borzo.cancel(delivery.borzoOrderId());
        } catch (BorzoException e) {
            throw translated(fulfilmentId, e);
        }
        Delivery cancelled = delivery.cancelled(reason, now());
        if (!replaced(delivery, cancelled)) {
            // a callback moved it meanwhile; the cancellation at Borzo stands and its canceled callback follows
            log.info("delivery {} changed while it was cancelled; Borzo's callback will close it", fulfilmentId);
        }
    }

    /** The fulfilment's delivery, if one was booked. */
    public Optional<Delivery> find(String fulfilmentId) {
        return Optional.ofNullable(mongo.findById(fulfilmentId, Delivery.class));
    }

    // the store keeps milliseconds: what book returns is then what a later find reads
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private boolean claimed(Delivery existing, Delivery claim) {
        if (existing == null) {
            try {
                mongo.insert(claim);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        return replaced(existing, claim);
    }

    /** Writes {@code next} in place of {@code read}, only if nobody wrote the delivery since it was read. */
    boolean replaced(Delivery read, Delivery next) {
        Query unchanged = Query.query(where("_id").is(read.id()).and("version").is(read.version()));
        return mongo.findAndReplace(unchanged, next) != null;
    }

    /** Takes a failed booking's claim back: removed, or the cancelled delivery it replaced restored. */
    private void release(Delivery claim, Delivery replaced) {
        if (replaced == null) {
            mongo.remove(Query.query(where("_id").is(claim.id()).and("version").is(claim.version())),
                    Delivery.class);
        } else {
            replaced(claim, replaced.withVersion(claim.version() + 1));
        }
    }

    private static RuntimeException translated(String fulfilmentId, BorzoException e) {
        if (e.refused()) {
            return new UnprocessableContentException("Borzo refused the delivery of fulfilment " + fulfilmentId
                    + ": " + e.errors() + (e.parameterErrors().isEmpty() ? "" : " " + e.parameterErrors()));
        }
        return new ServiceUnavailableException("Borzo could not be reached for fulfilment " + fulfilmentId
                + "; try again", e);
    }
}
