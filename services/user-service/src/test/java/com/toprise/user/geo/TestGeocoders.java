package com.toprise.user.geo;

import com.toprise.user.pincode.PincodeRepository;

/**
 * Geocoders for tests of the code that saves addresses: a real {@link Geocoder} with no Nominatim configured, so
 * every address sits at its pincode's centroid from the given repository, and no Redis is needed (nothing is
 * looked up, so nothing is cached or throttled).
 */
public final class TestGeocoders {

    private TestGeocoders() {
    }

    public static Geocoder centroidsOnly(PincodeRepository pincodes) {
        GeocodingProperties off = new GeocodingProperties(null, null, null, null, null);
        return new Geocoder(new NominatimClient(off), new GeocodeCache(null, off), new GeocodingThrottle(null, off),
                pincodes);
    }
}
