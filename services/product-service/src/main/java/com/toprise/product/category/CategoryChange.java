package com.toprise.product.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Rename and/or (de)activate; the place in the tree is fixed at creation. */
record CategoryChange(@NotBlank @Size(max = 80) String name, @NotNull Boolean active) {
}
