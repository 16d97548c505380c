package com.toprise.order.fulfilment;

import java.time.Instant;

/** One step of a fulfilment line: the status it reached and when. */
public record LineStep(LineStatus status, Instant at) {
}
