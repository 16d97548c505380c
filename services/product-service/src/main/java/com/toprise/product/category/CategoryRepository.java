package com.toprise.product.category;

import com.toprise.schemas.events.CategoryUpdated.Level;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CategoryRepository extends MongoRepository<Category, String> {

    boolean existsByParentIdAndActiveTrue(String parentId);

    Page<Category> findByParentId(String parentId, Pageable pageable);

    Page<Category> findByLevel(Level level, Pageable pageable);
}
