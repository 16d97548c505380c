package com.toprise.user.account;

import com.toprise.schemas.events.UserCreated.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A Super-admin creating a staff account; the role must be one of {@link UserAccount#STAFF}. */
public record NewEmployee(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = "\\+?[0-9]{10,15}", message = "must be 10 to 15 digits, optionally after +") String phone,
        @NotNull Role role,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,32}", message = "must be 2 to 32 letters, digits or dashes")
        String employeeCode,
        @Size(max = 100) String designation,
        @Size(max = 100) String department) {
}
