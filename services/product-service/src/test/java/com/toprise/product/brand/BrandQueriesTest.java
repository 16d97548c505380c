package com.toprise.product.brand;

import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.IndexedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating brands, a read and the list by code and by name, on the indexed store. */
class BrandQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("products");

    @Test
    void brandsAreCreatedReadAndListedByCodeOrName() {
        BrandController controller = new BrandController(store.repository(BrandRepository.class));
        controller.create(new NewBrand("BOSCH", "Bosch", "DE"));
        controller.create(new NewBrand("MINDA", "Uno Minda", "IN"));

        assertThat(controller.get("MINDA").name()).isEqualTo("Uno Minda");
        assertThat(controller.list(new PageQuery(0, 20, "code", Direction.ASC)).items()).hasSize(2);
        assertThat(controller.list(new PageQuery(0, 20, "name", Direction.DESC)).items())
                .extracting(Brand::code).containsExactly("MINDA", "BOSCH");
    }
}
