package com.toprise.order.courier;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A Borzo callback that was applied (collection {@code borzo_callbacks}). Its id is the callback's
 * de-duplication key, so the store itself refuses a second copy of an event: a replay finds the key taken.
 */
@Document("borzo_callbacks")
record ReceivedCallback(@Id String id, String borzoOrderId, String fulfilmentId, String status, Instant eventAt,
                        Instant receivedAt) {
}
