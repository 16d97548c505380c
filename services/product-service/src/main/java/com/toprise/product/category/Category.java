package com.toprise.product.category;

import com.toprise.schemas.events.CategoryUpdated;
import com.toprise.schemas.events.CategoryUpdated.Level;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A node of the catalog tree: a category (Brakes), its subcategories (Brake pads) and their types (Ceramic pads).
 * The id is a readable slug of the path (brakes-brake-pads-ceramic-pads), stable once created: renaming keeps it.
 */
@Document("categories")
public record Category(@Id String id, String name, String parentId, Level level, boolean active, Instant createdAt,
                       Instant updatedAt) {

    Category renamed(String newName, boolean nowActive, Instant at) {
        return new Category(id, newName, parentId, level, nowActive, createdAt, at);
    }

    CategoryUpdated asEvent() {
        return new CategoryUpdated(id, name, parentId, level, active, updatedAt);
    }
}
