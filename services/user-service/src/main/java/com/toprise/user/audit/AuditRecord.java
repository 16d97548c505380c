package com.toprise.user.audit;

import java.time.Instant;

/** One audit entry as the Super-admin reads it, from any service. */
public record AuditRecord(String id, Instant at, String service, String requestId, String actorId, String role,
                          String method, String path, String resource, String action, String resourceId,
                          Integer status, String outcome) {
}
