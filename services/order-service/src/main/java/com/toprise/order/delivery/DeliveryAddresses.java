package com.toprise.order.delivery;

import com.toprise.common.events.NewestCopies;
import com.toprise.common.events.RecentCopies;
import com.toprise.common.web.FieldError;
import com.toprise.order.order.OrderProperties;
import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.PincodeUpdated;
import com.toprise.schemas.geo.GeoPoint;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Customers' delivery addresses and serviceable pincodes as order intake knows them from user-service's
 * ADDRESS_UPDATED and PINCODE_UPDATED events, so an order is checked without calling user-service. An address
 * saved a moment ago may not have arrived yet: the order is then refused with a field error and can be retried.
 * Pincodes, few and read by every order, are held in memory for a while; addresses, each read by one customer's
 * orders only, are not.
 */
@Component
public class DeliveryAddresses {

    private final MongoTemplate mongo;
    private final NewestCopies copies;
    private final RecentCopies<KnownPincode> pincodes;

    public DeliveryAddresses(MongoTemplate mongo, NewestCopies copies, OrderProperties properties) {
        this.mongo = mongo;
        this.copies = copies;
        this.pincodes = new RecentCopies<>(properties.copiesCacheTtl(), 100_000);
    }

    public void remember(AddressUpdated address) {
        GeoPoint point = address.location() == null ? null : address.location().point();
        copies.remember(KnownAddress.class, address.addressId(), address.updatedAt(), new Update()
                .set("userId", address.userId()).set("line1", address.line1()).set("line2", address.line2())
                .set("city", address.city()).set("state", address.state()).set("pincode", address.pincode())
                .set("contactName", address.contactName()).set("contactPhone", address.contactPhone())
                .set("location", point).set("removed", address.removed()));
    }

    public void remember(PincodeUpdated pincode) {
        copies.remember(KnownPincode.class, pincode.pincode(), pincode.updatedAt(),
                new Update().set("serviceable", pincode.serviceable()));
        pincodes.forget(pincode.pincode());
    }

    /**
     * The customer's address as a destination, or null with the reason added to {@code errors}. Someone else's
     * address is answered exactly like an unknown one, so ids cannot be probed.
     */
    public Destination check(String field, String customerId, String addressId, List<FieldError> errors) {
        KnownAddress address = mongo.findById(addressId, KnownAddress.class);
        if (address == null || address.removed() || !address.userId().equals(customerId)) {
            errors.add(new FieldError(field, "is not one of your delivery addresses"));
            return null;
        }
        // user-service saves an address only with a serviceable pincode; this catches one closed since
        KnownPincode pincode = pincodes.get(address.pincode(), code -> mongo.findById(code, KnownPincode.class))
                .orElse(null);
        if (pincode != null && !pincode.serviceable()) {
            errors.add(new FieldError(field, "pincode " + address.pincode() + " is not serviceable"));
            return null;
        }
        return address.asDestination();
    }
}
