package com.toprise.user.category;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** user-service's copy of a catalog category, as the last CATEGORY_UPDATED event described it. */
@Document("catalog_categories")
public record KnownCategory(@Id String id, String name, String parentId, String level, boolean active,
                            Instant updatedAt) {
}
