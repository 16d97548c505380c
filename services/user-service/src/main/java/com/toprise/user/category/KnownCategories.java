package com.toprise.user.category;

import com.toprise.common.events.NewestCopies;
import com.toprise.common.web.FieldError;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog's categories as user-service knows them from product-service's CATEGORY_UPDATED events, for checking
 * dealer assignments without calling product-service. Events may come twice or out of order after a replay, so a
 * copy only ever moves forward in time.
 */
@Component
public class KnownCategories {

    private final MongoTemplate mongo;
    private final NewestCopies copies;

    KnownCategories(MongoTemplate mongo, NewestCopies copies) {
        this.mongo = mongo;
        this.copies = copies;
    }

    /** Keeps this version unless a newer one is already known. */
    void remember(KnownCategory category) {
        copies.remember(KnownCategory.class, category.id(), category.updatedAt(), new Update().set("name", category.name())
                .set("parentId", category.parentId()).set("level", category.level()).set("active", category.active()));
    }

    /** One error per category id that is unknown or inactive, named by its position in the list. */
    public List<FieldError> check(String field, List<String> categoryIds) {
        Map<String, KnownCategory> known = mongo.find(Query.query(Criteria.where("_id").in(categoryIds)), KnownCategory.class)
                .stream().collect(Collectors.toMap(KnownCategory::id, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < categoryIds.size(); i++) {
            KnownCategory category = known.get(categoryIds.get(i));
            if (category == null) {
                errors.add(new FieldError(field + "[" + i + "]", "is not a category of the catalog"));
            } else if (!category.active()) {
                errors.add(new FieldError(field + "[" + i + "]", "is a deactivated category"));
            }
        }
        return errors;
    }
}
