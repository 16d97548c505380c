package com.toprise.user.geo;

import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.serde.Json;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The adapter to Nominatim's {@code GET /search}: one structured query (street, city, state, postal code, India)
 * for the best match only, in the jsonv2 format, where {@code lat} and {@code lon} arrive as strings. It neither
 * throttles nor caches: {@link Geocoder} does both before it calls this.
 */
@Component
public class NominatimClient {

    /** Nominatim could not be asked or gave no usable answer; unlike "nothing found", this is never cached. */
    public static class LookupFailed extends RuntimeException {

        LookupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final GeocodingProperties properties;
    private final HttpClient http;

    public NominatimClient(GeocodingProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Whether a server is configured at all. */
    public boolean configured() {
        return properties.baseUri() != null;
    }

    /** Where Nominatim puts the address, empty when it knows no such place. */
    public Optional<GeoPoint> search(PostalAddress address) {
        HttpRequest request = HttpRequest.newBuilder(searchUri(address)).timeout(properties.requestTimeout())
                .header("User-Agent", properties.userAgent()).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LookupFailed("Nominatim did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailed("interrupted while asking Nominatim", e);
        }
        if (response.statusCode() != 200) {
            throw new LookupFailed("Nominatim answered " + response.statusCode(), null);
        }
        return firstPlace(response.body());
    }

    private URI searchUri(PostalAddress address) {
        Map<String, String> query = new LinkedHashMap<>();
        if (address.street() != null && !address.street().isBlank()) {
            query.put("street", address.street().strip());
        }
        if (address.city() != null && !address.city().isBlank()) {
            query.put("city", address.city().strip());
        }
        if (address.state() != null && !address.state().isBlank()) {
            query.put("state", address.state().strip());
        }
        query.put("postalcode", address.pincode());
        query.put("country", "India");
        query.put("countrycodes", "in");
        query.put("format", "jsonv2");
        query.put("limit", "1");
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return properties.baseUri().resolve("search?" + encoded);
    }

    private static Optional<GeoPoint> firstPlace(String body) {
        try {
            JsonNode places = Json.MAPPER.readTree(body);
            if (!places.isArray()) {
                throw new LookupFailed("Nominatim answered something other than a list of places", null);
            }
            if (places.isEmpty()) {
                return Optional.empty();
            }
            JsonNode first = places.get(0);
            return Optional.of(new GeoPoint(Double.parseDouble(first.path("lat").asString()),
                    Double.parseDouble(first.path("lon").asString())));
        } catch (JacksonException | IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException, as is GeoPoint's refusal of an impossible point
            throw new LookupFailed("Nominatim's answer holds no usable coordinates", e);
        }
    }
}
