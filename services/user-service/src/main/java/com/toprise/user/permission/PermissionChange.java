package com.toprise.user.permission;

import com.toprise.common.access.Scope;
import jakarta.validation.constraints.NotNull;

/** The new scopes of one role × resource row. */
record PermissionChange(@NotNull Scope read, @NotNull Scope write, @NotNull Scope delete) {
}
