package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** A pincode was added to the list or its serviceability changed; the latest event per pincode is its state. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PincodeUpdated(String pincode, String city, String state, boolean serviceable, Instant updatedAt) {
}
