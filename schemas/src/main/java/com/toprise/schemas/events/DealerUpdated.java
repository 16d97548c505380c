package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.toprise.schemas.geo.Location;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A dealer's profile as the fulfilment side needs it, after any change to the dealer's account (created,
 * (de)activated, categories reassigned, address, service area or working hours changed). Keyed by dealerId on a
 * compacted topic: the latest record per dealer is the dealer, so the inventory topology keeps them as a table and
 * never asks user-service.
 *
 * @param categories      the catalog category ids the dealer carries; a product is carried when one of the ids on
 *                        its category path is among them
 * @param address         the business address in one line, as a courier's pickup point takes it; null until given
 * @param location        where the dealer is (its business address, geocoded); null until it has one
 * @param servicePincodes pincodes the dealer delivers to; with {@code serviceRadiusKm} it also serves every point
 *                        within that distance of {@code location}
 * @param workingHours    when the dealer works, per day; empty when not given (it then counts as always open)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DealerUpdated(String dealerId, String name, String phone, boolean active, List<String> categories,
                            String address, String pincode, Location location, List<String> servicePincodes,
                            Double serviceRadiusKm, List<WorkingHours> workingHours, Instant updatedAt) {

    /** One day's opening hours in the dealer's local time (India Standard Time for every dealer we have). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkingHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }
}
