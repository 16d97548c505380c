package com.toprise.order.delivery;

/** Where an order goes: a checked address of the customer. */
public record Destination(String addressId, String pincode, String city, String state) {
}
