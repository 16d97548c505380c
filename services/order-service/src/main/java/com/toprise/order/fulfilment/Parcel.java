package com.toprise.order.fulfilment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The packed parcel of a fulfilment, as the dealer measured it; the courier prices and books by it. The limits
 * are those of a two-wheeler or small-van courier, so a typo (grams for kilograms) is refused rather than booked.
 */
public record Parcel(
        @NotNull @Positive @DecimalMax(value = "200", message = "must be at most 200 kg") Double weightKg,
        @NotNull @Positive @DecimalMax(value = "300", message = "must be at most 300 cm") Double lengthCm,
        @NotNull @Positive @DecimalMax(value = "300", message = "must be at most 300 cm") Double widthCm,
        @NotNull @Positive @DecimalMax(value = "300", message = "must be at most 300 cm") Double heightCm) {
}
