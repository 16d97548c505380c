package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A node of the catalog's category tree (category → subcategory → type) was created or changed; the latest event
 * per categoryId is its current state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoryUpdated(String categoryId, String name, String parentId, Level level, boolean active,
                              Instant updatedAt) {

    public enum Level { CATEGORY, SUBCATEGORY, TYPE }
}
