package com.toprise.user.audit;

import com.toprise.common.audit.AuditEntry.Outcome;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/** The filters of an audit query, each optional; {@code from} inclusive, {@code to} exclusive. */
public record AuditFilterCriteria(String actorId, String role, String service, String resource, String action,
                                  String resourceId, String requestId, Outcome outcome,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
}
