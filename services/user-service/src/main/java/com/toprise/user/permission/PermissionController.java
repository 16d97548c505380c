package com.toprise.user.permission;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.audit.AuditFilter;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The permission matrix as data: read it, change a row; in force in every service within seconds. */
@RestController
@RequestMapping("/api/permissions")
@ProtectedResource("permissions")
class PermissionController {

    private final PermissionRepository permissions;
    private final PermissionMatrixAdmin admin;

    PermissionController(PermissionRepository permissions, PermissionMatrixAdmin admin) {
        this.permissions = permissions;
        this.admin = admin;
    }

    @GetMapping
    PageResponse<PermissionEntry> list(@RequestParam(required = false) String role,
                                       @RequestParam(required = false) String resource,
                                       @Sortable(value = {"role", "resource"}, defaultSort = "role,asc") PageQuery page) {
        var found = role != null && resource != null ? permissions.findByRoleAndResource(role, resource, page.toPageable())
                : role != null ? permissions.findByRole(role, page.toPageable())
                : resource != null ? permissions.findByResource(resource, page.toPageable())
                : permissions.findAll(page.toPageable());
        return PageResponse.of(found, p -> p);
    }

    @PutMapping("/{role}/{resource}")
    PermissionEntry change(@PathVariable String role, @PathVariable String resource,
                           @Valid @RequestBody PermissionChange change, Access access) {
        AuditFilter.recordId(role + "/" + resource);
        return admin.change(role, resource, change, access.userId());
    }
}
