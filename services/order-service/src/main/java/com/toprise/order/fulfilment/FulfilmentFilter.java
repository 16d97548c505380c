package com.toprise.order.fulfilment;

import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;

/** The filter of the fulfilment list, optional: one status (OFFERED: what to accept; ACCEPTED: what to pick). */
public record FulfilmentFilter(FulfilmentStatus status) {
}
