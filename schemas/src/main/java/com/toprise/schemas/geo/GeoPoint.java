package com.toprise.schemas.geo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A point on the earth in WGS 84 degrees, as geocoders give it. Distances are great-circle (haversine) distances on
 * a sphere of the earth's mean radius: within half a percent of the ellipsoid's, which is far finer than the
 * difference between a road distance and a straight line, the thing a dealer ranking actually cares about.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeoPoint(double latitude, double longitude) {

    public static final double EARTH_MEAN_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a point on the earth: " + latitude + ", " + longitude);
        }
    }

    /** Whether the pair names a point; for checking request fields before building one. */
    public static boolean isValid(Double latitude, Double longitude) {
        return latitude != null && longitude != null && latitude >= -90 && latitude <= 90
                && longitude >= -180 && longitude <= 180;
    }

    /** Great-circle distance to another point, in kilometres. */
    public double distanceKm(GeoPoint other) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(other.latitude);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dPhi / 2), 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
