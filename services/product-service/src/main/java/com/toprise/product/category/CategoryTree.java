package com.toprise.product.category;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.catalog.CategoryIds;
import com.toprise.schemas.events.CategoryUpdated.Level;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the tree three levels deep and consistent: a child goes only under an active parent one level up, a type
 * has no children, an active node never sits under an inactive one. Every change is written with its
 * CATEGORY_UPDATED event, which is how the other services (user-service's dealer assignments) learn the tree.
 */
@Service
class CategoryTree {

    private final CategoryRepository categories;
    private final OutboxWriter outbox;
    private final Clock clock = Clock.systemUTC();

    CategoryTree(CategoryRepository categories, OutboxWriter outbox) {
        this.categories = categories;
        this.outbox = outbox;
    }

    Category add(NewCategory request) {
        Category parent = null;
        if (request.parentId() != null && !request.parentId().isBlank()) {
            parent = categories.findById(request.parentId()).orElseThrow(
                    () -> InvalidRequestException.of("parentId", "is not a category of the catalog"));
            if (parent.level() == Level.TYPE) {
                throw InvalidRequestException.of("parentId", "is a type, which has no children");
            }
            if (!parent.active()) {
                throw InvalidRequestException.of("parentId", "is a deactivated category");
            }
        }
        String name = request.name().strip();
        if (CategoryIds.slug(name).isEmpty()) {
            throw InvalidRequestException.of("name", "must contain a latin letter or a digit");
        }
        String id = CategoryIds.child(parent == null ? null : parent.id(), name);
        if (categories.existsById(id)) {
            throw new DuplicateKeyException("a category named " + name + " exists at this place of the tree");
        }
        Level level = parent == null ? Level.CATEGORY : parent.level() == Level.CATEGORY ? Level.SUBCATEGORY : Level.TYPE;
        Instant now = clock.instant();
        Category category = new Category(id, name, parent == null ? null : parent.id(), level, true, now, now);
        return outbox.insert(category, updated(category));
    }

    Category change(String id, CategoryChange change) {
        Category current = categories.findById(id).orElseThrow(() -> new ResourceNotFoundException("category", id));
        if (!change.active() && current.active() && categories.existsByParentIdAndActiveTrue(id)) {
            throw new ConflictException("category " + id + " has active children: deactivate them first");
        }
        if (change.active() && !current.active() && current.parentId() != null
                && !categories.findById(current.parentId()).map(Category::active).orElse(false)) {
            throw new ConflictException("the parent of category " + id + " is deactivated: activate it first");
        }
        Category changed = current.renamed(change.name().strip(), change.active(), clock.instant());
        return outbox.save(changed, updated(changed));
    }

    private static EventEnvelope<?> updated(Category category) {
        return EventEnvelope.of(EventType.CATEGORY_UPDATED, category.id(), category.asEvent(), category.updatedAt());
    }
}
