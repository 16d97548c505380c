package com.toprise.user.account;

import com.toprise.schemas.events.DealerUpdated.WorkingHours;
import com.toprise.schemas.geo.Location;
import com.toprise.user.geo.PostalAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A business selling through the marketplace as the fulfilment side sees it: the catalog categories it carries,
 * where it is (its business address, geocoded), where it delivers (service-area pincodes, and every point within
 * {@code serviceRadiusKm} of its location) and when it works. {@code pincode} is the business address's pincode
 * (the only address a new dealer has). Until a dealer says otherwise it serves its own pincode; documents written
 * before profiles existed read that way too.
 */
public record DealerProfile(String businessName, String gstin, String pincode, List<String> categories,
                            BusinessAddress address, Location location, List<String> servicePincodes,
                            Double serviceRadiusKm, List<WorkingHours> workingHours) {

    /** Where the business is; the pickup point of its deliveries. */
    public record BusinessAddress(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 100) String state,
            @NotBlank @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a six-digit pincode") String pincode) {

        /** The address in one line, as a courier's pickup point takes it. */
        public String oneLine() {
            String street = Stream.of(line1, line2).filter(Objects::nonNull).map(String::strip)
                    .filter(part -> !part.isEmpty()).collect(Collectors.joining(", "));
            return street + ", " + city + ", " + state + " " + pincode;
        }

        /** What the geocoder is asked. */
        public PostalAddress postal() {
            return new PostalAddress(line1, city, state, pincode);
        }
    }

    public DealerProfile {
        categories = categories == null ? List.of() : List.copyOf(categories);
        servicePincodes = servicePincodes == null ? (pincode == null ? List.of() : List.of(pincode))
                : List.copyOf(servicePincodes);
        workingHours = workingHours == null ? List.of() : List.copyOf(workingHours);
    }

    /** A dealer as an admin onboards it: a pincode and its centroid, no street address yet. */
    static DealerProfile onboarded(String businessName, String gstin, String pincode, List<String> categories,
                                   Location pincodeCentroid) {
        return new DealerProfile(businessName, gstin, pincode, categories, null, pincodeCentroid, List.of(pincode),
                null, List.of());
    }

    DealerProfile withCategories(List<String> assigned) {
        return new DealerProfile(businessName, gstin, pincode, assigned, address, location, servicePincodes,
                serviceRadiusKm, workingHours);
    }

    /** The dealer's own account of where it is, where it delivers and when it works; the location is the address's. */
    DealerProfile withProfile(DealerProfileChange change, Location addressLocation) {
        return new DealerProfile(businessName, gstin, change.address().pincode(), categories, change.address(),
                addressLocation, change.serviceArea().pincodes().stream().distinct().toList(),
                change.serviceArea().radiusKm(), change.workingHours());
    }
}
