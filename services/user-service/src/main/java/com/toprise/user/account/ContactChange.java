package com.toprise.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Someone's own name and phone, as they want to be addressed and called; the phone may be removed (null). */
public record ContactChange(
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = "\\+?[0-9]{10,15}", message = "must be 10 to 15 digits, optionally after +") String phone) {
}
