package com.toprise.order.delivery;

import com.toprise.schemas.geo.GeoPoint;

/**
 * Where an order goes: a checked address of the customer, with what the dealer assignment needs (the pincode, and
 * the point when the address has one) and what a courier needs at the drop (the street lines and whom to hand the
 * parcel to). Orders placed before those were known have them null.
 */
public record Destination(String addressId, String pincode, String city, String state, String line1, String line2,
                          String contactName, String contactPhone, GeoPoint location) {
}
