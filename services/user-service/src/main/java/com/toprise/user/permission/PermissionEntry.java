package com.toprise.user.permission;

import com.toprise.common.access.Scope;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One row of the permission matrix: what a role may do to a resource; {@code id} is {@code ROLE:resource}. */
@Document("permissions")
public record PermissionEntry(@Id String id, String role, String resource, Scope read, Scope write, Scope delete,
                              Instant updatedAt, String updatedBy) {

    static String idOf(String role, String resource) {
        return role + ":" + resource;
    }
}
