package com.toprise.user.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.web.ServiceUnavailableException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Queries the audit-log index, where Debezium and the Elasticsearch sink gather every service's audit entries.
 * Entries appear there about a second after the request; the services' own {@code audit_log} collections are the
 * record of truth.
 */
@Service
class AuditLogSearch {

    static final String INDEX = "audit-log";

    private final ElasticsearchClient elasticsearch;

    AuditLogSearch(ElasticsearchClient elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    PageResponse<AuditRecord> search(AuditFilterCriteria criteria, PageQuery page) {
        List<Query> filters = new ArrayList<>();
        term(filters, "actorId", criteria.actorId());
        term(filters, "role", criteria.role());
        term(filters, "service", criteria.service());
        term(filters, "resource", criteria.resource());
        term(filters, "action", criteria.action());
        term(filters, "resourceId", criteria.resourceId());
        term(filters, "requestId", criteria.requestId());
        term(filters, "outcome", criteria.outcome() == null ? null : criteria.outcome().name());
        if (criteria.from() != null || criteria.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> {
                u.field("at");
                if (criteria.from() != null) {
                    u.gte(JsonData.of(criteria.from().toString()));
                }
                if (criteria.to() != null) {
                    u.lt(JsonData.of(criteria.to().toString()));
                }
                return u;
            }))));
        }
        SortOrder order = page.direction() == Sort.Direction.ASC ? SortOrder.Asc : SortOrder.Desc;
        try {
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> response = elasticsearch.search(s -> s.index(INDEX)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .from(page.page() * page.size()).size(page.size())
                    .sort(so -> so.field(f -> f.field("at").order(order)))
                    .trackTotalHits(t -> t.enabled(true)), Map.class);
            long total = response.hits().total() == null ? 0 : response.hits().total().value();
            List<AuditRecord> items = response.hits().hits().stream().map(AuditLogSearch::record).toList();
            return new PageResponse<>(items, page.page(), page.size(), total,
                    (int) ((total + page.size() - 1) / page.size()));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return new PageResponse<>(List.of(), page.page(), page.size(), 0, 0);
            }
            throw new ServiceUnavailableException("The audit log cannot be searched right now.", e);
        } catch (IOException | RuntimeException e) {
            throw new ServiceUnavailableException("The audit log cannot be searched right now.", e);
        }
    }

    private static void term(List<Query> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static AuditRecord record(Hit<Map> hit) {
        Map source = hit.source() == null ? Map.of() : hit.source();
        Object at = source.get("at");
        Object status = source.get("status");
        return new AuditRecord(hit.id(), at == null ? null : Instant.parse(at.toString()), text(source, "service"),
                text(source, "requestId"), text(source, "actorId"), text(source, "role"), text(source, "method"),
                text(source, "path"), text(source, "resource"), text(source, "action"), text(source, "resourceId"),
                status instanceof Number n ? n.intValue() : null, text(source, "outcome"));
    }

    @SuppressWarnings("rawtypes")
    private static String text(Map source, String field) {
        Object value = source.get(field);
        return value == null ? null : value.toString();
    }
}
