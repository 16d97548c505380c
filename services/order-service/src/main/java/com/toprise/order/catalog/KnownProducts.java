package com.toprise.order.catalog;

import com.toprise.common.events.NewestCopies;
import com.toprise.common.events.RecentCopies;
import com.toprise.order.order.OrderProperties;
import com.toprise.schemas.events.ProductUpdated;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog as order intake knows it from product-service's PRODUCT_UPDATED events: which SKUs exist, whether they
 * are Live and at what price. A topic rather than a call: intake keeps taking orders while product-service is down,
 * and the price charged is the one the catalog last published, never one the client sends. Every order reads the
 * products it names, so recently read ones are held in memory ({@link OrderProperties#copiesCacheTtl()}).
 */
@Component
public class KnownProducts {

    private final MongoTemplate mongo;
    private final NewestCopies copies;
    private final RecentCopies<KnownProduct> recent;

    public KnownProducts(MongoTemplate mongo, NewestCopies copies, OrderProperties properties) {
        this.mongo = mongo;
        this.copies = copies;
        this.recent = new RecentCopies<>(properties.copiesCacheTtl(), 100_000);
    }

    public void remember(ProductUpdated product, Instant version) {
        copies.remember(KnownProduct.class, product.sku(), version, new Update().set("productId", product.productId())
                .set("name", product.name()).set("brand", product.brand()).set("status", product.status())
                .set("price", product.price()).set("categories", KnownProduct.categoriesOf(product)));
        recent.forget(product.sku());
    }

    /** The known products among these SKUs, by SKU; unknown SKUs are simply absent. */
    public Map<String, KnownProduct> bySku(Collection<String> skus) {
        return recent.getAll(skus, missing -> mongo.find(Query.query(Criteria.where("_id").in(missing)),
                KnownProduct.class).stream().collect(Collectors.toMap(KnownProduct::sku, Function.identity())));
    }
}
