package com.toprise.user.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer signing up. There is no role here on purpose: self-registration makes customers, whatever else the
 * body carries (unknown properties such as "role" are ignored).
 */
record Registration(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = "\\+?[0-9]{10,15}", message = "must be 10 to 15 digits, optionally after +") String phone) {
}
