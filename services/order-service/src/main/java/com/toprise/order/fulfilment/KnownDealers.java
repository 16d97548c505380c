package com.toprise.order.fulfilment;

import com.toprise.common.events.NewestCopies;
import com.toprise.schemas.events.DealerUpdated;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The dealers as the courier bookings know them from user-service's DEALER_UPDATED (a compacted topic, read from
 * the beginning), so a pickup is booked without calling user-service.
 */
@Component
class KnownDealers {

    private final MongoTemplate mongo;
    private final NewestCopies copies;

    KnownDealers(MongoTemplate mongo, NewestCopies copies) {
        this.mongo = mongo;
        this.copies = copies;
    }

    void remember(DealerUpdated dealer) {
        copies.remember(KnownDealer.class, dealer.dealerId(), dealer.updatedAt(), new Update()
                .set("name", dealer.name()).set("phone", dealer.phone()).set("active", dealer.active())
                .set("address", dealer.address()).set("pincode", dealer.pincode()).set("location", dealer.location()));
    }

    Optional<KnownDealer> find(String dealerId) {
        return Optional.ofNullable(mongo.findById(dealerId, KnownDealer.class));
    }
}
