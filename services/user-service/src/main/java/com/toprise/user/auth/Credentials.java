package com.toprise.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Login by email and password; both are plain strings, so {"$gt": ""} and the like fail to bind (400). */
record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
}
