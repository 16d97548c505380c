package com.toprise.user.account;

import com.toprise.common.web.FieldError;
import com.toprise.schemas.events.DealerUpdated.WorkingHours;
import com.toprise.user.account.DealerProfile.BusinessAddress;
import com.toprise.user.account.DealerProfileChange.ServiceArea;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules between a profile's fields, and what a profile looks like as an address. */
class DealerProfileChangeTest {

    private static final BusinessAddress SHOP = new BusinessAddress("14 Residency Road", " ", "Bengaluru",
            "Karnataka", "560001");

    @Test
    void aConsistentProfileHasNoProblems() {
        assertThat(change(new ServiceArea(List.of("560001"), null), hours(DayOfWeek.MONDAY, 9, 18)).problems())
                .isEmpty();
        assertThat(change(new ServiceArea(List.of(), 30.0)).problems()).as("a radius alone serves").isEmpty();
    }

    @Test
    void anAreaThatServesNowhereIsAProblem() {
        assertThat(change(new ServiceArea(List.of(), null)).problems())
                .containsExactly(new FieldError("serviceArea", "needs pincodes, a radius or both"));
    }

    @Test
    void aDayOpensBeforeItClosesAndComesOnce() {
        List<FieldError> problems = change(new ServiceArea(List.of("560001"), null),
                hours(DayOfWeek.MONDAY, 9, 18), hours(DayOfWeek.TUESDAY, 18, 9), hours(DayOfWeek.WEDNESDAY, 9, 9),
                hours(DayOfWeek.MONDAY, 10, 12), new WorkingHours(null, null, LocalTime.NOON)).problems();
        assertThat(problems).containsExactly(
                new FieldError("workingHours[1].closes", "must be after opens"),
                new FieldError("workingHours[2].closes", "must be after opens"),
                new FieldError("workingHours[3].day", "appears more than once"),
                new FieldError("workingHours[4].day", "must not be null"),
                new FieldError("workingHours[4].opens", "must not be null"));
    }

    @Test
    void theAddressInOneLineSkipsABlankSecondLine() {
        assertThat(SHOP.oneLine()).isEqualTo("14 Residency Road, Bengaluru, Karnataka 560001");
        assertThat(SHOP.postal().street()).isEqualTo("14 Residency Road");
    }

    private static DealerProfileChange change(ServiceArea area, WorkingHours... hours) {
        return new DealerProfileChange(SHOP, null, area, Arrays.asList(hours));
    }

    private static WorkingHours hours(DayOfWeek day, int opens, int closes) {
        return new WorkingHours(day, LocalTime.of(opens, 0), LocalTime.of(closes, 0));
    }
}
