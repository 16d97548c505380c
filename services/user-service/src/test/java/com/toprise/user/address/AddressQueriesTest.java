package com.toprise.user.address;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.test.IndexedMongo;
import com.toprise.user.pincode.Pincode;
import com.toprise.user.pincode.PincodeRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding, changing, listing (in each sort) and removing addresses, with the pincode check, on the indexed store. */
class AddressQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("users");

    @Test
    void addressesAreKeptListedInEachSortAndRemoved() {
        PincodeRepository pincodes = store.repository(PincodeRepository.class);
        pincodes.insert(new Pincode("560001", "Bengaluru", "Karnataka", true, Instant.now(), Instant.now()));
        AddressRepository addresses = store.repository(AddressRepository.class);
        AddressBook book = new AddressBook(addresses, pincodes, new OutboxWriter(store.template()));
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

    private static AddressDetails details(String label) {
        return new AddressDetails(label, "12 MG Road", null, "Bengaluru", "Karnataka", "560001");
    }
}
