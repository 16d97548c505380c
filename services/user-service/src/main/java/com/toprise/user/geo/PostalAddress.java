package com.toprise.user.geo;

import com.toprise.common.security.Digests;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An Indian address as a structured geocoder query takes it. The second address line (a landmark, a locality) is
 * left out on purpose: Nominatim's {@code street} wants a house number and a street, and a landmark in it makes
 * the search find nothing more often than it helps.
 */
public record PostalAddress(String street, String city, String state, String pincode) {

    public PostalAddress {
        Objects.requireNonNull(pincode, "pincode");
    }

    /** The cache key: the same query, however it was capitalised or spaced, is one entry. */
    String cacheKey() {
        return Digests.sha256Hex(String.join("|", Stream.of(street, city, state, pincode)
                .map(part -> part == null ? "" : part.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .toList()));
    }
}
