package com.toprise.product.brand;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewBrand(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "must be 2-32 upper-case letters, digits or dashes")
        String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 60) String country) {
}
