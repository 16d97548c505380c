package com.toprise.user.address;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.test.IndexedMongo;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.user.OutboxEntries;
import com.toprise.user.account.AccountProfiles.ContactChanged;
import com.toprise.user.account.TestAccounts;
import com.toprise.user.account.UserAccount;
import com.toprise.user.account.UserAccountRepository;
import com.toprise.user.pincode.Pincode;
import com.toprise.user.pincode.PincodeRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static com.toprise.user.geo.TestGeocoders.centroidsOnly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding, changing, listing (in each sort) and removing addresses, with the pincode check, on the indexed store;
 * what ADDRESS_UPDATED tells a courier (the lines, the point, the owner as contact), also after a contact change.
 */
class AddressQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("users");

    @Test
    void addressesAreKeptListedInEachSortAndRemoved() {
        AddressRepository addresses = store.repository(AddressRepository.class);
        AddressBook book = book(addresses);
        Access asha = new Access(new Identity("asha", "CUSTOMER"), "addresses", Action.WRITE, Scope.OWN);

        Address home = book.add("asha", details("Home"));
        book.add("asha", details("Garage"));
        book.change(home.id(), details("Home, new"), asha);
        for (String field : new String[] {"createdAt", "label", "city"}) {
            assertThat(addresses.findByUserId("asha", PageRequest.of(0, 20, Sort.by(Direction.ASC, field)))
                    .getContent()).hasSize(2);
        }
        book.remove(home.id(), asha);
        assertThat(addresses.countByUserId("asha")).isEqualTo(1);
    }

    @Test
    void theEventCarriesTheLinesTheLocationAndTheOwnerAsContactAndFollowsTheOwnersChanges() {
        UserAccount owner = TestAccounts.customer("ravi");
        store.repository(UserAccountRepository.class).insert(new UserAccount(owner.id(), owner.email(), "hash",
                "Ravi Kumar", "+919800000001", owner.role(), true, null, null, owner.createdAt(), owner.updatedAt()));
        AddressBook book = book(store.repository(AddressRepository.class));

        Address home = book.add("ravi", new AddressDetails("Home", "12 MG Road", "Near the metro", "Bengaluru",
                "Karnataka", "560001"));
        JsonNode added = OutboxEntries.ofType(OutboxEntries.of(store.template(), "addresses", home.id()),
                "ADDRESS_UPDATED").path("payload");
        assertThat(added.path("line1").asString()).isEqualTo("12 MG Road");
        assertThat(added.path("line2").asString()).isEqualTo("Near the metro");
        assertThat(added.path("contactName").asString()).isEqualTo("Ravi Kumar");
        assertThat(added.path("contactPhone").asString()).isEqualTo("+919800000001");
        assertThat(added.path("location").path("source").asString()).isEqualTo("PINCODE_CENTROID");
        assertThat(added.path("location").path("point").path("latitude").asDouble()).isEqualTo(12.9716);
        assertThat(home.location().point()).isEqualTo(new GeoPoint(12.9716, 77.5946));

        book.contactChanged(new ContactChanged("ravi", "Ravi K", null));
        JsonNode followed = OutboxEntries.ofType(OutboxEntries.of(store.template(), "addresses", home.id()),
                "ADDRESS_UPDATED").path("payload");
        assertThat(followed.path("contactName").asString()).isEqualTo("Ravi K");
        assertThat(followed.path("contactPhone").isNull()).isTrue();
        assertThat(followed.path("line1").asString()).isEqualTo("12 MG Road");
    }

    private static AddressBook book(AddressRepository addresses) {
        PincodeRepository pincodes = store.repository(PincodeRepository.class);
        pincodes.insert(new Pincode("560001", "Bengaluru", "Karnataka", true, new GeoPoint(12.9716, 77.5946),
                Instant.now(), Instant.now()));
        return new AddressBook(addresses, pincodes, store.repository(UserAccountRepository.class),
                centroidsOnly(pincodes), new OutboxWriter(store.template()));
    }

    private static AddressDetails details(String label) {
        return new AddressDetails(label, "12 MG Road", null, "Bengaluru", "Karnataka", "560001");
    }
}
