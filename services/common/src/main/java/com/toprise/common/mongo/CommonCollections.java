package com.toprise.common.mongo;

import com.toprise.common.audit.AuditEntry;
import com.toprise.common.outbox.ProcessedEvents;

import java.util.List;

/**
 * The collections services/common writes in every service's database. Neither is queried by anything but its
 * {@code _id}: audit entries are only inserted (the Super-admin searches them in Elasticsearch, where the CDC
 * stream brings them), processed-event marks are looked up by consumer and eventId, which is their id. So
 * neither needs a secondary index, and any query that would need one breaks the services' tests.
 */
public final class CommonCollections implements IndexDeclaration {

    private final CollectionIndexes indexes;

    private CommonCollections(CollectionIndexes indexes) {
        this.indexes = indexes;
    }

    /** One declaration per collection, registered by the auto-configuration in every service. */
    public static List<IndexDeclaration> all() {
        return List.of(new CommonCollections(CollectionIndexes.of(AuditEntry.COLLECTION)),
                new CommonCollections(CollectionIndexes.of(ProcessedEvents.COLLECTION)));
    }

    @Override
    public CollectionIndexes indexes() {
        return indexes;
    }
}
