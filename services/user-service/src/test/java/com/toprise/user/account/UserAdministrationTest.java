package com.toprise.user.account;

import com.toprise.common.access.InMemoryAccessControlStore;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.user.category.KnownCategories;
import com.toprise.user.pincode.Pincode;
import com.toprise.user.pincode.PincodeRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.toprise.user.account.TestAccounts.dealer;
import static com.toprise.user.account.TestAccounts.staff;
import static com.toprise.user.geo.TestGeocoders.centroidsOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The rules admins meet when they change accounts, and the events each change writes (DEALER_UPDATED for every
 * change of a dealer), with stand-ins for the store and the category copy.
 */
class UserAdministrationTest {

    private final UserAccountRepository accounts = mock(UserAccountRepository.class);
    private final OutboxWriter outbox = mock(OutboxWriter.class);
    private final KnownCategories categories = mock(KnownCategories.class);
    private final PincodeRepository pincodes = mock(PincodeRepository.class);
    private final InMemoryAccessControlStore accessControl = new InMemoryAccessControlStore();
    private final UserAdministration administration = new UserAdministration(accounts, outbox,
            mock(PasswordEncoder.class), categories, pincodes, accessControl, centroidsOnly(pincodes));

    @BeforeEach
    void writesReturnWhatTheyWrote() {
        given(outbox.save(any(), any(EventEnvelope[].class))).willAnswer(call -> call.getArgument(0));
        given(outbox.insert(any(), any(EventEnvelope[].class))).willAnswer(call -> call.getArgument(0));
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
        verify(outbox).save(any(), any(EventEnvelope[].class));
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
        verify(outbox, never()).insert(any(), any(EventEnvelope[].class));
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
        verify(outbox, never()).insert(any(), any(EventEnvelope[].class));
    }

    @Test
    void assignedCategoriesAreDistinct() {
        given(accounts.findById("d-1")).willReturn(Optional.of(dealer("d-1")));
        given(categories.check(anyString(), anyList())).willReturn(List.of());
        UserAccount changed = administration.assignCategories("d-1", List.of("brakes", "filters", "brakes"));
        assertThat(changed.dealer().categories()).containsExactly("brakes", "filters");
        DealerUpdated published = (DealerUpdated) eventsOfTheSave().get("DEALER_UPDATED");
        assertThat(published.categories()).containsExactly("brakes", "filters");
    }

    @Test
    void aNewDealerServesItsPincodeFromItsCentroidAndIsPublishedAsADealer() {
        given(pincodes.existsById("560001")).willReturn(true);
        given(pincodes.findById("560001")).willReturn(Optional.of(new Pincode("560001", "Bengaluru", "Karnataka",
                true, new GeoPoint(12.9716, 77.5946), TestAccounts.CREATED, TestAccounts.CREATED)));
        given(categories.check(anyString(), anyList())).willReturn(List.of());
        UserAccount dealer = administration.createDealer(new NewDealer("d@example.com", "long-enough-1", "D",
                "+919800000002", "Parts", "27AAPFU0939F1ZV", "560001", List.of("brakes")));

        ArgumentCaptor<EventEnvelope[]> events = ArgumentCaptor.forClass(EventEnvelope[].class);
        verify(outbox).insert(eq(dealer), events.capture());
        assertThat(events.getValue()).extracting(EventEnvelope::type)
                .containsExactly(EventType.USER_CREATED.name(), EventType.DEALER_UPDATED.name());
        DealerUpdated published = (DealerUpdated) events.getValue()[1].payload();
        assertThat(published.dealerId()).isEqualTo(dealer.id());
        assertThat(published.active()).isTrue();
        assertThat(published.servicePincodes()).containsExactly("560001");
        assertThat(published.location()).isEqualTo(Location.pincodeCentroid(new GeoPoint(12.9716, 77.5946)));
        assertThat(events.getValue()[1].aggregateId()).as("the topic's key").isEqualTo(dealer.id());
    }

    @Test
    void deactivatingADealerOrACustomerIsForThatKindOnlyAndADealerIsPublishedInactive() {
        given(accounts.findById("d-1")).willReturn(Optional.of(dealer("d-1")));
        given(accounts.findById("c-1")).willReturn(Optional.of(TestAccounts.customer("c-1")));
        assertThatThrownBy(() -> administration.setActive(Role.CUSTOMER, "d-1", false, "u-admin"))
                .isInstanceOf(ResourceNotFoundException.class);

        assertThat(administration.setActive(Role.DEALER, "d-1", false, "u-admin").active()).isFalse();
        DealerUpdated published = (DealerUpdated) eventsOfTheSave().get("DEALER_UPDATED");
        assertThat(published.active()).isFalse();
        assertThat(accessControl.deactivatedUserIds()).containsExactly("d-1");

        administration.setActive(Role.CUSTOMER, "c-1", false, "u-admin");
        assertThat(accessControl.deactivatedUserIds()).containsExactlyInAnyOrder("d-1", "c-1");
    }

    /** The payloads of the last save by type; every save of an account carries USER_UPDATED. */
    private Map<String, Object> eventsOfTheSave() {
        ArgumentCaptor<EventEnvelope[]> events = ArgumentCaptor.forClass(EventEnvelope[].class);
        verify(outbox, atLeastOnce()).save(any(), events.capture());
        Map<String, Object> byType = new HashMap<>();
        for (EventEnvelope<?> event : events.getValue()) {
            byType.put(event.type(), event.payload());
        }
        assertThat(byType).containsKey(EventType.USER_UPDATED.name());
        return byType;
    }
}
