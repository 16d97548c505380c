package com.toprise.user.account;

import com.toprise.common.access.InMemoryAccessControlStore;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.category.KnownCategories;
import com.toprise.user.pincode.PincodeRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Optional;

import static com.toprise.user.account.TestAccounts.dealer;
import static com.toprise.user.account.TestAccounts.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** The rules admins meet when they change accounts, with stand-ins for the store and the category copy. */
class UserAdministrationTest {

    private final UserAccountRepository accounts = mock(UserAccountRepository.class);
    private final OutboxWriter outbox = mock(OutboxWriter.class);
    private final KnownCategories categories = mock(KnownCategories.class);
    private final PincodeRepository pincodes = mock(PincodeRepository.class);
    private final InMemoryAccessControlStore accessControl = new InMemoryAccessControlStore();
    private final UserAdministration administration = new UserAdministration(accounts, outbox,
            mock(PasswordEncoder.class), categories, pincodes, accessControl);

    @BeforeEach
    void writesReturnWhatTheyWrote() {
        given(outbox.save(any(), any())).willAnswer(call -> call.getArgument(0));
        given(outbox.insert(any(), any())).willAnswer(call -> call.getArgument(0));
    }

    @Test
    void anAdminCannotDeactivateItself() {
        given(accounts.findById("u-admin")).willReturn(Optional.of(staff("u-admin", Role.SUPER_ADMIN)));
        assertThatThrownBy(() -> administration.setActive("u-admin", false, "u-admin"))
                .isInstanceOf(ConflictException.class);
        verifyNoInteractions(outbox);
    }

    @Test
    void deactivatingAnotherEmployeeTakesEffectEverywhere() {
        given(accounts.findById("u-2")).willReturn(Optional.of(staff("u-2", Role.FULFILLMENT_ADMIN)));
        assertThat(administration.setActive("u-2", false, "u-admin").active()).isFalse();
        verify(outbox).save(any(), any());
        assertThat(accessControl.deactivatedUserIds()).containsExactly("u-2");
    }

    @Test
    void onlyStaffAccountsAreEmployees() {
        given(accounts.findById("d-1")).willReturn(Optional.of(dealer("d-1")));
        assertThatThrownBy(() -> administration.setActive("d-1", false, "u-admin"))
                .isInstanceOf(ResourceNotFoundException.class);
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> administration.createEmployee(new NewEmployee("e@example.com", "long-enough-1", "E", null,
                        Role.CUSTOMER, "EMP-1", null, null)));
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("role");
        verify(outbox, never()).insert(any(), any());
    }

    @Test
    void aDealerNeedsAKnownPincodeAndKnownCategoriesAndHearsOfBothAtOnce() {
        given(pincodes.existsById("999999")).willReturn(false);
        given(categories.check("categories", List.of("nope")))
                .willReturn(List.of(new FieldError("categories[0]", "is not a category of the catalog")));
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> administration.createDealer(new NewDealer("d@example.com", "long-enough-1", "D", null, "Parts",
                        "27AAPFU0939F1ZV", "999999", List.of("nope"))));
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("pincode", "categories[0]");
        verify(outbox, never()).insert(any(), any());
    }

    @Test
    void assignedCategoriesAreDistinct() {
        given(accounts.findById("d-1")).willReturn(Optional.of(dealer("d-1")));
        given(categories.check(anyString(), anyList())).willReturn(List.of());
        UserAccount changed = administration.assignCategories("d-1", List.of("brakes", "filters", "brakes"));
        assertThat(changed.dealer().categories()).containsExactly("brakes", "filters");
    }
}
