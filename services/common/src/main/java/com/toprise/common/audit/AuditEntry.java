package com.toprise.common.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One state-changing request: who (user and role, null when anonymous), what (method, path, resource, action, the
 * record's id), when, the outcome and the request id that ties it to the logs. Written to the service's own
 * {@code audit_log} collection; Debezium and the Elasticsearch sink bring every service's entries into one index.
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(@Id String id, Instant at, String service, String requestId, String actorId, String role,
                         String method, String path, String resource, String action, String resourceId, int status,
                         Outcome outcome) {

    public static final String COLLECTION = "audit_log";

    public enum Outcome {
        /** 2xx/3xx. */
        SUCCEEDED,
        /** 401 or 403: refused by authentication or the permission matrix. */
        DENIED,
        /** Other 4xx: refused as bad input or conflicting state. */
        REJECTED,
        /** 5xx. */
        FAILED;

        public static Outcome ofStatus(int status) {
            if (status == 401 || status == 403) {
                return DENIED;
            }
            if (status >= 500) {
                return FAILED;
            }
            return status >= 400 ? REJECTED : SUCCEEDED;
        }
    }
}
