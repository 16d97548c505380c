package com.toprise.user.account;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.test.IndexedMongo;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.DealerUpdated.WorkingHours;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.user.OutboxEntries;
import com.toprise.user.account.AccountProfiles.ContactChanged;
import com.toprise.user.account.DealerProfile.BusinessAddress;
import com.toprise.user.account.DealerProfileChange.ServiceArea;
import com.toprise.user.pincode.Pincode;
import com.toprise.user.pincode.PincodeRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static com.toprise.user.geo.TestGeocoders.centroidsOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Profile edits on the indexed store with the real outbox: a dealer's profile is one write of the account carrying
 * the complete DEALER_UPDATED (and USER_UPDATED), read back as it was stated; bad pincodes change nothing; a
 * contact change is announced for the copies that carry it.
 */
class AccountProfilesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("users");

    private static final GeoPoint CENTROID_560001 = new GeoPoint(12.9716, 77.5946);
    private static final List<WorkingHours> WEEKDAYS = List.of(
            new WorkingHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 30)),
            new WorkingHours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
    private static final DealerProfileChange PROFILE = new DealerProfileChange(
            new BusinessAddress("14 Residency Road", "Shanthala Nagar", "Bengaluru", "Karnataka", "560001"),
            "+919800000003", new ServiceArea(List.of("560001", "560034", "560001"), 25.0), WEEKDAYS);

    private final List<Object> announced = new ArrayList<>();
    private UserAccountRepository accounts;
    private AccountProfiles profiles;

    @BeforeEach
    void store() {
        accounts = store.repository(UserAccountRepository.class);
        PincodeRepository pincodes = store.repository(PincodeRepository.class);
        Instant now = Instant.now();
        pincodes.insert(new Pincode("560001", "Bengaluru", "Karnataka", true, CENTROID_560001, now, now));
        pincodes.insert(new Pincode("560034", "Bengaluru", "Karnataka", true, null, now, now));
        accounts.insert(TestAccounts.dealer("d-1"));
        accounts.insert(TestAccounts.customer("c-1"));
        profiles = new AccountProfiles(accounts, pincodes, centroidsOnly(pincodes), new OutboxWriter(store.template()),
                announced::add);
    }

    @Test
    void aProfileChangeIsOneWriteThatCarriesTheWholeDealer() {
        profiles.changeDealerProfile("d-1", PROFILE);

        List<JsonNode> outbox = OutboxEntries.of(store.template(), "users", "d-1");
        OutboxEntries.ofType(outbox, "USER_UPDATED");
        JsonNode dealer = OutboxEntries.ofType(outbox, "DEALER_UPDATED");
        assertThat(dealer.path("aggregateId").asString()).isEqualTo("d-1");
        JsonNode payload = dealer.path("payload");
        assertThat(payload.path("dealerId").asString()).isEqualTo("d-1");
        assertThat(payload.path("name").asString()).isEqualTo("Parts d-1");
        assertThat(payload.path("phone").asString()).isEqualTo("+919800000003");
        assertThat(payload.path("active").asBoolean()).isTrue();
        assertThat(payload.path("categories").get(0).asString()).isEqualTo("brakes");
        assertThat(payload.path("address").asString())
                .isEqualTo("14 Residency Road, Shanthala Nagar, Bengaluru, Karnataka 560001");
        assertThat(payload.path("pincode").asString()).isEqualTo("560001");
        assertThat(payload.path("location").path("source").asString()).isEqualTo("PINCODE_CENTROID");
        assertThat(payload.path("servicePincodes").size()).as("distinct").isEqualTo(2);
        assertThat(payload.path("serviceRadiusKm").asDouble()).isEqualTo(25.0);
        assertThat(payload.path("workingHours").get(0).path("day").asString()).isEqualTo("MONDAY");
        assertThat(payload.path("workingHours").get(0).path("closes").asString()).startsWith("18:30");

        DealerProfile stored = accounts.findById("d-1").orElseThrow().dealer();
        assertThat(stored.workingHours()).as("read back as stated").isEqualTo(WEEKDAYS);
        assertThat(stored.location()).isEqualTo(Location.pincodeCentroid(CENTROID_560001));
        assertThat(stored.servicePincodes()).containsExactly("560001", "560034");
        assertThat(stored.categories()).as("the profile leaves the assignment alone").containsExactly("brakes");
    }

    @Test
    void unknownPincodesAreFieldErrorsAndChangeNothing() {
        DealerProfileChange unknown = new DealerProfileChange(
                new BusinessAddress("1 Nowhere Lane", null, "Nowhere", "Nowhere", "999999"), null,
                new ServiceArea(List.of("560001", "999998"), null), List.of());
        UserAccount before = accounts.findById("d-1").orElseThrow();

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> profiles.changeDealerProfile("d-1", unknown));
        assertThat(refused.errors()).containsExactly(new FieldError("address.pincode", "is not a known pincode"),
                new FieldError("serviceArea.pincodes[1]", "is not a known pincode"));
        assertThat(accounts.findById("d-1").orElseThrow()).isEqualTo(before);
        assertThatThrownBy(() -> profiles.changeDealerProfile("c-1", PROFILE))
                .as("a customer has no dealer profile").isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aContactChangeIsAnnouncedAndADealersReachesTheFulfilmentSide() {
        UserAccount customer = profiles.changeContact("c-1", Role.CUSTOMER, new ContactChange(" Asha Rao ", null));
        assertThat(customer.name()).isEqualTo("Asha Rao");
        assertThat(OutboxEntries.of(store.template(), "users", "c-1")).extracting(e -> e.path("type").asString())
                .containsExactly("USER_UPDATED");
        assertThat(announced).containsExactly(new ContactChanged("c-1", "Asha Rao", null));

        profiles.changeContact("d-1", null, new ContactChange("Dev", "+919800000004"));
        JsonNode dealer = OutboxEntries.ofType(OutboxEntries.of(store.template(), "users", "d-1"), "DEALER_UPDATED");
        assertThat(dealer.path("payload").path("phone").asString()).isEqualTo("+919800000004");
        assertThatThrownBy(() -> profiles.changeContact("d-1", Role.CUSTOMER, new ContactChange("X", null)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
