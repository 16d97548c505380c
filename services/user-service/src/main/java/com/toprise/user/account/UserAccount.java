package com.toprise.user.account;

import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.UserCreated;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.schemas.events.UserUpdated;
import com.toprise.schemas.geo.Location;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person who can log in: a customer, a dealer, an employee or an admin. The email is the login name. The profile
 * of its kind lives in the same document ({@code dealer} for a dealer, {@code employee} for staff), so an account
 * and its profile, with their events, are always one atomic write. Every change of a dealer's account is also a
 * change of the dealer as the fulfilment side knows it, so its events carry DEALER_UPDATED too.
 */
@Document("users")
public record UserAccount(@Id String id, String email, String passwordHash, String name,
                          String phone, Role role, boolean active, DealerProfile dealer,
                          EmployeeProfile employee, Instant createdAt, Instant updatedAt) {

    /** Roles of people who work for the marketplace, created by a Super-admin as employees. */
    public static final Set<Role> STAFF = Set.of(Role.SUPER_ADMIN, Role.FULFILLMENT_ADMIN, Role.INVENTORY_ADMIN,
            Role.ANALYTICS_ADMIN, Role.EMPLOYEE);

    /** USER_CREATED for this new account (and a dealer's first DEALER_UPDATED), to write with it. */
    public EventEnvelope<?>[] createdEvents() {
        EventEnvelope<UserCreated> created = EventEnvelope.of(EventType.USER_CREATED, id,
                new UserCreated(id, email, name, phone, role, createdAt), createdAt);
        return dealer == null ? new EventEnvelope<?>[] {created} : new EventEnvelope<?>[] {created, dealerEvent()};
    }

    /** USER_UPDATED for this state of the account, and DEALER_UPDATED when it is a dealer's. */
    public EventEnvelope<?>[] updatedEvents() {
        EventEnvelope<UserUpdated> updated = EventEnvelope.of(EventType.USER_UPDATED, id, new UserUpdated(id, email,
                name, role, active, dealer == null ? null : dealer.categories(), updatedAt), updatedAt);
        return dealer == null ? new EventEnvelope<?>[] {updated} : new EventEnvelope<?>[] {updated, dealerEvent()};
    }

    /** The whole dealer as DEALER_UPDATED: the compacted topic keeps only the latest, so it must be complete. */
    EventEnvelope<DealerUpdated> dealerEvent() {
        DealerProfile.BusinessAddress address = dealer.address();
        return EventEnvelope.of(EventType.DEALER_UPDATED, id, new DealerUpdated(id, dealer.businessName(), phone,
                active, dealer.categories(), address == null ? null : address.oneLine(), dealer.pincode(),
                dealer.location(), dealer.servicePincodes(), dealer.serviceRadiusKm(), dealer.workingHours(),
                updatedAt), updatedAt);
    }

    public UserAccount withActive(boolean active, Instant at) {
        return new UserAccount(id, email, passwordHash, name, phone, role, active, dealer, employee, createdAt, at);
    }

    public UserAccount withDealerCategories(List<String> categories, Instant at) {
        return new UserAccount(id, email, passwordHash, name, phone, role, active, dealer.withCategories(categories),
                employee, createdAt, at);
    }

    /** The dealer's restated profile; the phone is the account's, so a profile's phone replaces it. */
    public UserAccount withDealerProfile(DealerProfileChange change, Location addressLocation, Instant at) {
        return new UserAccount(id, email, passwordHash, name, change.phone(), role, active,
                dealer.withProfile(change, addressLocation), employee, createdAt, at);
    }

    public UserAccount withContact(ContactChange change, Instant at) {
        return new UserAccount(id, email, passwordHash, change.name().strip(), change.phone(), role, active, dealer,
                employee, createdAt, at);
    }

    /** What the API shows of an account: never the password hash. */
    public AccountView view() {
        return new AccountView(id, email, name, phone, role, active, dealer, employee, createdAt, updatedAt);
    }

    public record AccountView(String id, String email, String name, String phone, Role role, boolean active,
                              DealerProfile dealer, EmployeeProfile employee, Instant createdAt, Instant updatedAt) {
    }

    /** Someone working for the marketplace. */
    public record EmployeeProfile(String employeeCode, String designation, String department) {
    }
}
