package com.toprise.user.category;

import com.toprise.common.events.EventReader;
import com.toprise.schemas.events.CategoryUpdated;
import com.toprise.schemas.topics.TopicNames;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns the catalog's categories from product-service's CATEGORY_UPDATED events. A topic rather than a call to
 * product-service: dealer assignment keeps working while product-service is down or slow, and the design keeps
 * services from calling each other for data a topic already carries. The price is that a category created a
 * moment ago may not be known here yet; the assignment then fails with a field error and can be retried.
 * Redeliveries need no processed-events mark: a copy keeps the newest version (the category's updatedAt), so an
 * event that comes again, or after a newer one, changes nothing.
 */
@Component
class CategoryUpdatesListener {

    private static final EventReader<CategoryUpdated> EVENTS = EventReader.of(Topics.CATEGORY_UPDATED);

    private final KnownCategories categories;

    CategoryUpdatesListener(KnownCategories categories) {
        this.categories = categories;
    }

    @KafkaListener(id = "user-service-categories", topics = TopicNames.CATEGORY_UPDATED)
    void onCategoryUpdated(ConsumerRecord<String, byte[]> record) {
        EVENTS.read(record).ifPresent(event -> {
            CategoryUpdated category = event.payload();
            categories.remember(new KnownCategory(category.categoryId(), category.name(), category.parentId(),
                    String.valueOf(category.level()), category.active(), category.updatedAt()));
        });
    }
}
