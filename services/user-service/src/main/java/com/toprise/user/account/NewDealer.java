package com.toprise.user.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An admin onboarding a dealer; categories are optional here and checked like an assignment. */
public record NewDealer(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = "\\+?[0-9]{10,15}", message = "must be 10 to 15 digits, optionally after +") String phone,
        @NotBlank @Size(max = 200) String businessName,
        @NotBlank @Pattern(regexp = "[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]", message = "is not a valid GSTIN")
        String gstin,
        @NotBlank @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a six-digit pincode") String pincode,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> categories) {
}
