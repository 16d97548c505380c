package com.toprise.user.permission;

import com.toprise.common.access.Scope;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.schemas.serde.Json;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The matrix a new installation starts with, read from a JSON file (role → resource → action → scope), and the
 * list of resources the matrix knows. Every role × resource gets a row, unlisted cells NONE, so the API shows the
 * whole table and an edit never has to create rows.
 */
record DefaultPermissions(List<String> resources, Map<String, Map<String, Map<String, Scope>>> grants) {

    static DefaultPermissions read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            DefaultPermissions read = Json.MAPPER.readValue(in, DefaultPermissions.class);
            read.grants.keySet().forEach(Role::valueOf);
            read.grants.values().forEach(byResource -> byResource.keySet().stream().filter(r -> !r.equals("*"))
                    .forEach(resource -> {
                        if (!read.resources.contains(resource)) {
                            throw new IllegalArgumentException("unknown resource in " + file + ": " + resource);
                        }
                    }));
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default permissions " + file, e);
        }
    }

    List<PermissionEntry> entries(Instant at) {
        List<PermissionEntry> entries = new ArrayList<>();
        for (Role role : Role.values()) {
            Map<String, Map<String, Scope>> byResource = grants.getOrDefault(role.name(), Map.of());
            for (String resource : resources) {
                Map<String, Scope> cells = byResource.getOrDefault(resource, byResource.getOrDefault("*", Map.of()));
                entries.add(new PermissionEntry(PermissionEntry.idOf(role.name(), resource), role.name(), resource,
                        cells.getOrDefault("read", Scope.NONE), cells.getOrDefault("write", Scope.NONE),
                        cells.getOrDefault("delete", Scope.NONE), at, "seed"));
            }
        }
        return entries;
    }
}
