package com.toprise.user.geo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * How user-service geocodes addresses with Nominatim. Without a URL nothing is looked up and every address sits at
 * its pincode's centroid, which is what a development machine without internet access wants.
 *
 * @param nominatimUrl   base URL of a Nominatim server ({@code TOPRISE_NOMINATIM_URL}); blank: no lookups
 * @param userAgent      the User-Agent naming the application, which Nominatim's usage policy requires
 *                       ({@code TOPRISE_NOMINATIM_USER_AGENT}); required with a URL
 * @param requestTimeout how long one lookup may take, connecting included, before the centroid is used (3s)
 * @param throttleWait   how long a lookup waits for the platform-wide one-request-a-second slot before it gives up
 *                       and uses the centroid (2s)
 * @param cacheTtl       how long a result, "nothing found" included, is remembered in Redis (30d)
 */
@ConfigurationProperties("toprise.geocoding")
public record GeocodingProperties(String nominatimUrl, String userAgent, Duration requestTimeout,
                                  Duration throttleWait, Duration cacheTtl) {

    public GeocodingProperties {
        nominatimUrl = nominatimUrl == null || nominatimUrl.isBlank() ? null : nominatimUrl.strip();
        userAgent = userAgent == null || userAgent.isBlank() ? null : userAgent.strip();
        if (nominatimUrl != null && userAgent == null) {
            throw new IllegalArgumentException("toprise.geocoding.user-agent (TOPRISE_NOMINATIM_USER_AGENT) is "
                    + "required with a Nominatim URL: the usage policy refuses anonymous clients");
        }
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(3) : requestTimeout;
        throttleWait = throttleWait == null ? Duration.ofSeconds(2) : throttleWait;
        cacheTtl = cacheTtl == null ? Duration.ofDays(30) : cacheTtl;
    }

    /** The base URL, or null when geocoding is off. */
    URI baseUri() {
        return nominatimUrl == null ? null : URI.create(nominatimUrl.endsWith("/") ? nominatimUrl : nominatimUrl + "/");
    }
}
