package com.toprise.product.catalog;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Creates and changes products; each change writes the product and its PRODUCT_UPDATED event together. */
@Service
class ProductCatalog {

    private final ProductRepository products;
    private final OutboxWriter outbox;
    private final Clock clock;

    ProductCatalog(ProductRepository products, OutboxWriter outbox) {
        this.products = products;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    Product create(ProductDetails details) {
        if (products.existsBySku(details.sku())) {
            throw new DuplicateKeyException("a product with SKU " + details.sku() + " exists");
        }
        Instant now = clock.instant();
        Product product = new Product(UUID.randomUUID().toString(), details.sku(), details.name(), details.brand(),
                details.category(), details.subCategory(), details.type(), details.status(), details.price(), now, now);
        return outbox.insert(product, updated(product, now));
    }

    Product change(String id, ProductDetails details) {
        Product current = products.findById(id).orElseThrow(() -> new ResourceNotFoundException("product", id));
        if (!current.sku().equals(details.sku()) && products.existsBySku(details.sku())) {
            throw new DuplicateKeyException("a product with SKU " + details.sku() + " exists");
        }
        Instant now = clock.instant();
        Product changed = new Product(id, details.sku(), details.name(), details.brand(), details.category(),
                details.subCategory(), details.type(), details.status(), details.price(), current.createdAt(), now);
        return outbox.save(changed, updated(changed, now));
    }

    private static EventEnvelope<?> updated(Product product, Instant at) {
        return EventEnvelope.of(EventType.PRODUCT_UPDATED, product.id(), product.asEvent(), at);
    }
}
