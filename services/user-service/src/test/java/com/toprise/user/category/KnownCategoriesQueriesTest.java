package com.toprise.user.category;

import com.toprise.common.events.NewestCopies;
import com.toprise.common.test.IndexedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The category copies' writes (newest version only) and the assignment check's read, on the indexed store. */
class KnownCategoriesQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("users");

    @Test
    void copiesAreKeptAndCheckedByIds() {
        KnownCategories categories = new KnownCategories(store.template(), new NewestCopies(store.template()));
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        categories.remember(new KnownCategory("brakes", "Brakes", null, "CATEGORY", true, t));
        categories.remember(new KnownCategory("brakes", "Brakes (old)", null, "CATEGORY", true, t.minusSeconds(1)));
        categories.remember(new KnownCategory("oils", "Oils", null, "CATEGORY", false, t));

        assertThat(categories.check("categories", List.of("brakes", "oils", "tyres"))).hasSize(2);
    }
}
