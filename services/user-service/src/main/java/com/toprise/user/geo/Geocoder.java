package com.toprise.user.geo;

import com.toprise.schemas.geo.Location;
import com.toprise.user.geo.GeocodeCache.Answer;
import com.toprise.user.pincode.Pincode;
import com.toprise.user.pincode.PincodeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where an address is, for ranking dealers by distance and for couriers: Nominatim's point when it knows the
 * address, else the centroid of the pincode (a point within a few kilometres, which is all a ranking between
 * cities needs). The centroid is used when no server is configured, the lookup fails or finds nothing, or the
 * platform-wide slot does not come within the short wait; a save never fails because geocoding did.
 */
@Service
public class Geocoder {

    private static final Logger log = LoggerFactory.getLogger(Geocoder.class);

    private final NominatimClient nominatim;
    private final GeocodeCache cache;
    private final GeocodingThrottle throttle;
    private final PincodeRepository pincodes;

    Geocoder(NominatimClient nominatim, GeocodeCache cache, GeocodingThrottle throttle, PincodeRepository pincodes) {
        this.nominatim = nominatim;
        this.cache = cache;
        this.throttle = throttle;
        this.pincodes = pincodes;
    }

    /** The address's point, geocoded or its pincode's centroid; null when neither is known. */
    public Location locate(PostalAddress address) {
        if (nominatim.configured()) {
            Answer answer = cache.find(address).orElseGet(() -> lookUp(address));
            if (answer != null && answer.point() != null) {
                return Location.geocoded(answer.point());
            }
        }
        return centroidOf(address.pincode());
    }

    /** The pincode's centroid as a location, null when the pincode has none (or is unknown). */
    public Location centroidOf(String pincode) {
        return pincodes.findById(pincode).map(Pincode::centroid).map(Location::pincodeCentroid).orElse(null);
    }

    /** Asks Nominatim within the platform's budget; null (and nothing cached) when it could not be asked. */
    private Answer lookUp(PostalAddress address) {
        if (!throttle.acquire()) {
            log.info("geocoding skipped: no Nominatim slot within the wait; using the centroid of {}",
                    address.pincode());
            return null;
        }
        try {
            Answer answer = new Answer(nominatim.search(address).orElse(null));
            cache.remember(address, answer);
            return answer;
        } catch (NominatimClient.LookupFailed e) {
            log.warn("geocoding failed, using the centroid of {}: {}", address.pincode(), e.getMessage());
            return null;
        }
    }
}
