package com.toprise.schemas.geo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where an address or a dealer is, and how we know: geocoded from the street address, or only the centroid of its
 * pincode when the geocoder found nothing or could not be reached. A ranking by distance may treat the two alike;
 * a person looking at a map should know which one they see.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(GeoPoint point, Source source) {

    public enum Source { GEOCODED, PINCODE_CENTROID }

    public static Location geocoded(GeoPoint point) {
        return new Location(point, Source.GEOCODED);
    }

    public static Location pincodeCentroid(GeoPoint point) {
        return new Location(point, Source.PINCODE_CENTROID);
    }
}
