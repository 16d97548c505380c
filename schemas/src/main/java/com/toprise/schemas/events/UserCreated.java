package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** A new account: a self-registered customer, or a dealer or employee created by an admin. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserCreated(String userId, String email, String name, String phone, Role role, Instant createdAt) {

    public enum Role { SUPER_ADMIN, FULFILLMENT_ADMIN, INVENTORY_ADMIN, ANALYTICS_ADMIN, DEALER, CUSTOMER, EMPLOYEE }
}
