package com.toprise.user.category;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.common.events.NewestCopies;
import com.toprise.common.test.ListenerRecords;
import com.toprise.schemas.events.CategoryUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.topics.Topics;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** CATEGORY_UPDATED delivered twice, or after a newer one, leaves one copy of the newest version. */
class CategoryUpdatesListenerTest {

    private static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private CategoryUpdatesListener listener;
    private long offset;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "users");
        listener = new CategoryUpdatesListener(new KnownCategories(mongo, new NewestCopies(mongo)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        EventEnvelope<CategoryUpdated> brakes = event("Brakes", true, T1);

        deliver(brakes);
        deliver(brakes);

        assertThat(mongo.findAll(KnownCategory.class)).containsExactly(
                new KnownCategory("c-1", "Brakes", null, "CATEGORY", true, T1));
    }

    @Test
    void anOlderEventRedeliveredAfterANewerOneDoesNotUndoIt() {
        EventEnvelope<CategoryUpdated> first = event("Brakes", true, T1);
        EventEnvelope<CategoryUpdated> deactivated = event("Brakes", false, T1.plusSeconds(60));

        deliver(first);
        deliver(deactivated);
        deliver(first);

        assertThat(mongo.findAll(KnownCategory.class)).containsExactly(
                new KnownCategory("c-1", "Brakes", null, "CATEGORY", false, T1.plusSeconds(60)));
    }

    private void deliver(EventEnvelope<CategoryUpdated> event) {
        listener.onCategoryUpdated(ListenerRecords.to(CategoryUpdatesListener.class, "onCategoryUpdated",
                Topics.CATEGORY_UPDATED, event.aggregateId(), event, offset++));
    }

    private static EventEnvelope<CategoryUpdated> event(String name, boolean active, Instant updatedAt) {
        return EventEnvelope.of(EventType.CATEGORY_UPDATED, "c-1",
                new CategoryUpdated("c-1", name, null, CategoryUpdated.Level.CATEGORY, active, updatedAt), updatedAt);
    }
}
