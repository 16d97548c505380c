package com.toprise.order.fulfilment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a dealer declines a fulfilment; kept in its history and sent with the event to the reassignment. */
public record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
}
