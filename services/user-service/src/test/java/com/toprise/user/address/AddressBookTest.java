package com.toprise.user.address;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.user.account.UserAccountRepository;
import com.toprise.user.pincode.Pincode;
import com.toprise.user.pincode.PincodeRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static com.toprise.user.geo.TestGeocoders.centroidsOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The address book's rules (the cap, serviceable pincodes, ownership) with stand-ins for the store. */
class AddressBookTest {

    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    static final AddressDetails HOME = new AddressDetails("Home", "12 MG Road", null, "Delhi", "Delhi", "110001");

    private final AddressRepository addresses = mock(AddressRepository.class);
    private final PincodeRepository pincodes = mock(PincodeRepository.class);
    private final OutboxWriter outbox = mock(OutboxWriter.class);
    private final AddressBook book = new AddressBook(addresses, pincodes, mock(UserAccountRepository.class),
            centroidsOnly(pincodes), outbox);

    @BeforeEach
    void aServedPincodeAndAnUnservedOne() {
        given(pincodes.findById("110001"))
                .willReturn(Optional.of(new Pincode("110001", "Delhi", "Delhi", true, null, AT, AT)));
        given(pincodes.findById("799001"))
                .willReturn(Optional.of(new Pincode("799001", "Agartala", "Tripura", false, null, AT, AT)));
        given(outbox.insert(any(), any())).willAnswer(call -> call.getArgument(0));
    }

    @Test
    void theTwentiethAddressIsKeptTheTwentyFirstIs409() {
        assertThat(AddressBook.MAX_PER_USER).isEqualTo(20);
        given(addresses.countByUserId("c-1")).willReturn(19L);
        Address added = book.add("c-1", HOME);
        assertThat(added.userId()).isEqualTo("c-1");
        assertThat(added.pincode()).isEqualTo("110001");

        given(addresses.countByUserId("c-1")).willReturn(20L);
        assertThatThrownBy(() -> book.add("c-1", HOME))
                .isInstanceOf(ConflictException.class)
                .hasMessage("An account can keep at most 20 addresses.");
        verify(outbox).insert(any(), any());
    }

    @Test
    void anUnservedOrUnknownPincodeIsAFieldError() {
        for (String pincode : new String[] {"799001", "560001"}) {
            InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                    () -> book.add("c-1", new AddressDetails(null, "1 Main St", null, "X", "Y", pincode)));
            assertThat(refused.errors()).containsExactly(new FieldError("pincode", "is not a serviceable pincode"));
        }
        verify(outbox, never()).insert(any(), any());
    }

    @Test
    void someoneElsesAddressIsMissingUnderOwnScopeAndVisibleWithAll() {
        Address theirs = new Address("a-1", "c-2", "Home", "1 Main St", null, "Delhi", "Delhi", "110001", null, AT,
                AT);
        given(addresses.findById("a-1")).willReturn(Optional.of(theirs));
        assertThatThrownBy(() -> book.get("a-1", access("c-1", Scope.OWN)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> book.change("a-1", HOME, access("c-1", Scope.OWN)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(book.get("a-1", access("u-support", Scope.ALL))).isSameAs(theirs);
        assertThat(book.get("a-1", access("c-2", Scope.OWN))).isSameAs(theirs);
    }

    private static Access access(String userId, Scope scope) {
        return new Access(new Identity(userId, "CUSTOMER"), "addresses", Action.READ, scope);
    }
}
