package com.toprise.product.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where {@code GET /api/inventory/{sku}} reads reserved and available stock: the inventory topology's query server
 * (any instance; it forwards to the one holding the store).
 *
 * @param url            {@code TOPRISE_INVENTORY_QUERY_URL}, e.g. {@code http://topology:5005}
 * @param connectTimeout how long connecting may take (1s)
 * @param requestTimeout how long the whole answer may take (2s): past it the caller gets 503, not a hung request
 */
@ConfigurationProperties("toprise.inventory-query")
public record InventoryQueryProperties(URI url, Duration connectTimeout, Duration requestTimeout) {

    public InventoryQueryProperties {
        if (url == null || url.getHost() == null) {
            throw new IllegalArgumentException("toprise.inventory-query.url (TOPRISE_INVENTORY_QUERY_URL) is required: "
                    + "the base URL of the inventory topology's query server");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(2) : requestTimeout;
    }
}
