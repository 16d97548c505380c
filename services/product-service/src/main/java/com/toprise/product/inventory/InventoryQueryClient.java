package com.toprise.product.inventory;

import com.toprise.common.web.ServiceUnavailableException;
import com.toprise.schemas.queries.InventoryAvailability;
import com.toprise.schemas.serde.Json;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Reads one SKU's stock from the inventory topology ({@code GET <url>/inventory/{sku}}). Its 404 means no dealer has
 * stock of the SKU; anything else that is not an answer (unreachable, slow, 5xx, an unreadable body) is the
 * topology being unavailable, so 503 with Retry-After for the caller rather than a wrong figure.
 */
@Component
class InventoryQueryClient {

    private final InventoryQueryProperties properties;
    private final String base;
    private final HttpClient http;

    InventoryQueryClient(InventoryQueryProperties properties) {
        this.properties = properties;
        String url = properties.url().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /** @param sku already validated: it goes into the URL as it is */
    Optional<InventoryAvailability> find(String sku) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/inventory/" + sku))
                .timeout(properties.requestTimeout()).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) { // refused, timed out, reset
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw unavailable(new IOException("the inventory topology answered " + response.statusCode()));
        }
        try {
            return Optional.of(Json.MAPPER.readValue(response.body(), InventoryAvailability.class));
        } catch (JacksonException e) {
            throw unavailable(e);
        }
    }

    private static ServiceUnavailableException unavailable(Exception cause) {
        return new ServiceUnavailableException("The inventory figures cannot be read right now.", cause);
    }
}
