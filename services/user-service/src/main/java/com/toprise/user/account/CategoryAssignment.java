package com.toprise.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The catalog categories a dealer serves, replacing the ones assigned before. */
public record CategoryAssignment(@NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> categories) {
}
