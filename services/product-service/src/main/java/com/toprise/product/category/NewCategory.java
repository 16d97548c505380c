package com.toprise.product.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A node to add: without parentId a top-level category, under a category a subcategory, under that a type. */
record NewCategory(
        @NotBlank @Size(max = 80) @Pattern(regexp = ".*\\p{Alnum}.*", message = "must contain a letter or digit") String name,
        @Size(max = 200) String parentId) {
}
