package com.toprise.user.account;

import com.toprise.common.web.FieldError;
import com.toprise.schemas.events.DealerUpdated.WorkingHours;
import com.toprise.user.account.DealerProfile.BusinessAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A dealer's profile as the dealer (or an admin) states it, replacing the previous one: business address, phone,
 * service area and working hours. Bean validation checks each field; {@link #problems()} the rules between fields.
 */
public record DealerProfileChange(
        @NotNull @Valid BusinessAddress address,
        @Pattern(regexp = "\\+?[0-9]{10,15}", message = "must be 10 to 15 digits, optionally after +") String phone,
        @NotNull @Valid ServiceArea serviceArea,
        @Size(max = 7, message = "has at most one entry per day") List<@NotNull WorkingHours> workingHours) {

    /** Where the dealer delivers: these pincodes, and every point within the radius of its location. */
    public record ServiceArea(
            @NotNull @Size(max = 500) List<@NotBlank @Pattern(regexp = "[1-9][0-9]{5}",
                    message = "must be a six-digit pincode") String> pincodes,
            @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 and at most 500")
            @DecimalMax(value = "500", message = "must be more than 0 and at most 500") Double radiusKm) {
    }

    public DealerProfileChange {
        workingHours = workingHours == null ? List.of() : workingHours;
    }

    /**
     * The rules bean validation cannot state, as field errors: a service area that serves somewhere, every day
     * complete and opening before it closes, no day twice. Empty when the change is consistent.
     */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (serviceArea != null && (serviceArea.pincodes() == null || serviceArea.pincodes().isEmpty())
                && serviceArea.radiusKm() == null) {
            errors.add(new FieldError("serviceArea", "needs pincodes, a radius or both"));
        }
        Set<DayOfWeek> seen = new HashSet<>();
        for (int i = 0; i < workingHours.size(); i++) {
            WorkingHours hours = workingHours.get(i);
            String at = "workingHours[" + i + "].";
            if (hours == null) {
                continue;
            }
            if (hours.day() == null) {
                errors.add(new FieldError(at + "day", "must not be null"));
            } else if (!seen.add(hours.day())) {
                errors.add(new FieldError(at + "day", "appears more than once"));
            }
            if (hours.opens() == null) {
                errors.add(new FieldError(at + "opens", "must not be null"));
            }
            if (hours.closes() == null) {
                errors.add(new FieldError(at + "closes", "must not be null"));
            }
            if (hours.opens() != null && hours.closes() != null && !hours.opens().isBefore(hours.closes())) {
                errors.add(new FieldError(at + "closes", "must be after opens"));
            }
        }
        return errors;
    }
}
