package com.toprise.product.category;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.IndexedMongo;
import com.toprise.schemas.events.CategoryUpdated.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/** The category list (children, one level, the whole tree) by each sort, on the indexed store. */
class CategoryQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("products");

    @Test
    void theTreeIsListedByParentByLevelAndWholeInEachSort() {
        CategoryRepository categories = store.repository(CategoryRepository.class);
        CategoryTree tree = new CategoryTree(categories, new OutboxWriter(store.template()));
        CategoryController controller = new CategoryController(tree, categories);
        Category brakes = controller.add(new NewCategory("Brakes", null));
        controller.add(new NewCategory("Brake pads", brakes.id()));
        controller.add(new NewCategory("Discs", brakes.id()));

        for (String field : new String[] {"name", "id"}) {
            PageQuery page = new PageQuery(0, 20, field, Direction.ASC);
            assertThat(controller.list(brakes.id(), null, page).items()).hasSize(2);
            assertThat(controller.list(null, Level.CATEGORY, page).items()).hasSize(1);
            assertThat(controller.list(null, null, page).items()).hasSize(3);
        }
        assertThat(controller.get(brakes.id()).name()).isEqualTo("Brakes");
    }
}
