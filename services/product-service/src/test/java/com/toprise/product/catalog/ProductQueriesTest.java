package com.toprise.product.catalog;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.IndexedMongo;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating and changing products (the SKU check), a read and the list by each sortable field, on the indexed store. */
class ProductQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("products");

    @Test
    void productsAreCheckedBySkuReadAndListedByEachSort() {
        ProductRepository products = store.repository(ProductRepository.class);
        ProductCatalog catalog = new ProductCatalog(products, new OutboxWriter(store.template()));
        ProductController controller = new ProductController(catalog, products);
        Product pad = catalog.create(details("BRK-PAD-1", "Brake pad", "1499.00"));
        catalog.create(details("OIL-1", "Engine oil", "349.50"));
        catalog.change(pad.id(), details("BRK-PAD-2", "Brake pad", "1299.00"));
        assertThatThrownBy(() -> catalog.create(details("OIL-1", "Impostor", "1.00")))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(controller.get(pad.id()).sku()).isEqualTo("BRK-PAD-2");
        for (String field : new String[] {"sku", "name", "price", "updatedAt"}) {
            assertThat(controller.list(new PageQuery(0, 20, field, Direction.ASC)).items()).hasSize(2);
        }
    }

    private static ProductDetails details(String sku, String name, String price) {
        return new ProductDetails(sku, name, "Bosch", "Brakes", "Pads", "Front", ProductStatus.LIVE,
                new BigDecimal(price));
    }
}
