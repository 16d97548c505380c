package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * An account changed: (de)activated, or a dealer's categories reassigned. Carries the account's state after the
 * change, so the latest event per userId is enough. {@code dealerCategories} is null for non-dealers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserUpdated(String userId, String email, String name, UserCreated.Role role, boolean active,
                          List<String> dealerCategories, Instant updatedAt) {
}
