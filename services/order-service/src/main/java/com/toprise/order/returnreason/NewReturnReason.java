package com.toprise.order.returnreason;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewReturnReason(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{2,39}", message = "must be 3-40 upper-case letters or underscores")
        String code,
        @NotBlank @Size(max = 120) String label,
        @NotNull Boolean requiresPhoto) {
}
