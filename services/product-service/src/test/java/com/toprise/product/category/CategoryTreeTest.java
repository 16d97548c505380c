package com.toprise.product.category;

import com.toprise.common.test.IndexedMongo;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.schemas.events.CategoryUpdated;
import com.toprise.schemas.events.CategoryUpdated.Level;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.serde.JsonSerde;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree's rules against a MongoDB-wire server, through the real driver, Spring Data and the outbox. */
class CategoryTreeTest {

    private static final JsonSerde<EventEnvelope<CategoryUpdated>> EVENTS = JsonSerde.envelopeOf(CategoryUpdated.class);

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("products");

    private MongoTemplate mongo;
    private CategoryRepository categories;
    private CategoryTree tree;

    @BeforeEach
    void start() {
        mongo = store.template();
        categories = new MongoRepositoryFactory(mongo).getRepository(CategoryRepository.class);
        tree = new CategoryTree(categories, new OutboxWriter(mongo));
    }

    @Test
    void levelsFollowTheParentAndIdsAreSlugsOfThePath() {
        Category brakes = tree.add(new NewCategory("Brakes", null));
        Category pads = tree.add(new NewCategory("Brake Pads & Shoes", brakes.id()));
        Category ceramic = tree.add(new NewCategory("Céramic pads", pads.id()));

        assertThat(brakes.level()).isEqualTo(Level.CATEGORY);
        assertThat(pads.level()).isEqualTo(Level.SUBCATEGORY);
        assertThat(ceramic.level()).isEqualTo(Level.TYPE);
        assertThat(ceramic.id()).isEqualTo("brakes-brake-pads-shoes-ceramic-pads");
        assertThat(ceramic.parentId()).isEqualTo(pads.id());
    }

    @Test
    void everyWriteCarriesItsCategoryUpdatedEvent() {
        Category brakes = tree.add(new NewCategory("Brakes", null));
        assertThat(lastEvent(brakes.id())).satisfies(event -> {
            assertThat(event.payload().name()).isEqualTo("Brakes");
            assertThat(event.payload().active()).isTrue();
        });

        tree.change(brakes.id(), new CategoryChange("Brakes and clutch", false));
        assertThat(lastEvent(brakes.id()).payload()).satisfies(payload -> {
            assertThat(payload.name()).isEqualTo("Brakes and clutch");
            assertThat(payload.active()).isFalse();
            assertThat(payload.level()).isEqualTo(CategoryUpdated.Level.CATEGORY);
        });
    }

    @Test
    void aTypeHasNoChildrenAndChildrenNeedAKnownActiveParent() {
        Category lights = tree.add(new NewCategory("Lights", null));
        Category head = tree.add(new NewCategory("Headlights", lights.id()));
        Category led = tree.add(new NewCategory("LED", head.id()));

        assertThatThrownBy(() -> tree.add(new NewCategory("Bulb", led.id())))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("parentId")));
        assertThatThrownBy(() -> tree.add(new NewCategory("Bulb", "no-such-category")))
                .isInstanceOf(InvalidRequestException.class);

        tree.change(led.id(), new CategoryChange("LED", false));
        tree.change(head.id(), new CategoryChange("Headlights", false));
        assertThatThrownBy(() -> tree.add(new NewCategory("Halogen", head.id())))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(categories.count()).isEqualTo(3);
    }

    @Test
    void theSameNameTwiceAtOnePlaceIsADuplicateButNotUnderAnotherParent() {
        Category brakes = tree.add(new NewCategory("Brakes", null));
        Category engine = tree.add(new NewCategory("Engine", null));
        tree.add(new NewCategory("Filters", brakes.id()));

        assertThatThrownBy(() -> tree.add(new NewCategory("filters", brakes.id()))).isInstanceOf(DuplicateKeyException.class);
        assertThat(tree.add(new NewCategory("Filters", engine.id())).id()).isEqualTo("engine-filters");
        assertThatThrownBy(() -> tree.add(new NewCategory("???", null))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void activeChildrenKeepTheirParentActiveAndAnInactiveParentKeepsChildrenInactive() {
        Category brakes = tree.add(new NewCategory("Brakes", null));
        Category pads = tree.add(new NewCategory("Pads", brakes.id()));

        assertThatThrownBy(() -> tree.change(brakes.id(), new CategoryChange("Brakes", false)))
                .isInstanceOf(ConflictException.class);
        tree.change(pads.id(), new CategoryChange("Pads", false));
        tree.change(brakes.id(), new CategoryChange("Brakes", false));
        assertThatThrownBy(() -> tree.change(pads.id(), new CategoryChange("Pads", true)))
                .isInstanceOf(ConflictException.class);
        tree.change(brakes.id(), new CategoryChange("Brakes", true));
        assertThat(tree.change(pads.id(), new CategoryChange("Pads", true)).active()).isTrue();
    }

    private EventEnvelope<CategoryUpdated> lastEvent(String id) {
        Document stored = mongo.getCollection("categories").find(new Document("_id", id)).first();
        List<String> outbox = stored.getList(OutboxWriter.FIELD, String.class);
        assertThat(outbox).hasSize(1);
        return EVENTS.deserialize("events.category-updated", outbox.get(0).getBytes(StandardCharsets.UTF_8));
    }
}
