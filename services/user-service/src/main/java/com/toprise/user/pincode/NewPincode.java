package com.toprise.user.pincode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewPincode(
        @NotBlank @Pattern(regexp = "[1-9][0-9]{5}", message = "must be six digits, not starting with 0") String code,
        @NotBlank @Size(max = 80) String city,
        @NotBlank @Size(max = 80) String state,
        @NotNull Boolean serviceable) {
}
