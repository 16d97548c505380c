package com.toprise.topology.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.geo.GeoPoint;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the dealer assignment needs of a dealer, from its latest DEALER_UPDATED: whether it takes orders, where it
 * is, where it delivers and what it carries. The dealer's own eligibility questions are answered here; ranking
 * dealers against each other is {@link DealerAssignment}'s.
 *
 * @param location        null until the dealer's address has a location: it then serves by pincode list only and
 *                        ranks after dealers whose distance is known
 * @param serviceRadiusKm null when the dealer serves by pincode list only
 * @param asOf            the profile's time, so a redelivered older profile does not undo a newer one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DealerProfile(String dealerId, boolean active, List<String> categories, List<String> servicePincodes,
                     GeoPoint location, Double serviceRadiusKm, Instant asOf) {

    DealerProfile {
        categories = categories == null ? List.of() : List.copyOf(categories);
        servicePincodes = servicePincodes == null ? List.of() : List.copyOf(servicePincodes);
    }

    /** The profile an event states; {@code occurredAt} stands in for a payload without its own time. */
    static DealerProfile of(DealerUpdated dealer, Instant occurredAt) {
        return new DealerProfile(dealer.dealerId(), dealer.active(), dealer.categories(), dealer.servicePincodes(),
                dealer.location() == null ? null : dealer.location().point(), dealer.serviceRadiusKm(),
                dealer.updatedAt() == null ? occurredAt : dealer.updatedAt());
    }

    /** Whether this profile may replace {@code current}: not when it is older (a late redelivery). */
    boolean supersedes(DealerProfile current) {
        return current == null || current.asOf() == null || asOf == null || !asOf.isBefore(current.asOf());
    }

    /**
     * Whether the dealer delivers to the order's address: its pincode is on the dealer's list, or its point lies
     * within the dealer's radius. Without a delivery point only the list can say yes.
     */
    boolean serves(String pincode, GeoPoint delivery) {
        if (pincode != null && servicePincodes.contains(pincode)) {
            return true;
        }
        OptionalDouble distance = distanceKm(delivery);
        return serviceRadiusKm != null && distance.isPresent() && distance.getAsDouble() <= serviceRadiusKm;
    }

    /**
     * Whether the dealer carries a product on this category path: one of the path's ids is among the dealer's.
     * A line without categories comes from an order placed before lines carried them and is carried by anyone, as
     * it was when it was placed.
     */
    boolean carries(List<String> categoryPath) {
        return categoryPath == null || categoryPath.isEmpty() || categoryPath.stream().anyMatch(categories::contains);
    }

    /** Straight-line distance to the delivery point; empty when either point is unknown. */
    OptionalDouble distanceKm(GeoPoint delivery) {
        return location == null || delivery == null ? OptionalDouble.empty()
                : OptionalDouble.of(location.distanceKm(delivery));
    }
}
