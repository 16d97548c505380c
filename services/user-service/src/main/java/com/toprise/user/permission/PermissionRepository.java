package com.toprise.user.permission;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PermissionRepository extends MongoRepository<PermissionEntry, String> {

    Page<PermissionEntry> findByRole(String role, Pageable pageable);

    Page<PermissionEntry> findByResource(String resource, Pageable pageable);

    Page<PermissionEntry> findByRoleAndResource(String role, String resource, Pageable pageable);
}
