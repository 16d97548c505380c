package com.toprise.user.account;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.UserCreated;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.schemas.events.UserUpdated;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person who can log in: a customer, a dealer, an employee or an admin. The email is the login name. The profile
 * of its kind lives in the same document ({@code dealer} for a dealer, {@code employee} for staff), so an account
 * and its profile, with their events, are always one atomic write.
 */
@Document("users")
public record UserAccount(@Id String id, String email, String passwordHash, String name,
                          String phone, Role role, boolean active, DealerProfile dealer,
                          EmployeeProfile employee, Instant createdAt, Instant updatedAt) {

    /** Roles of people who work for the marketplace, created by a Super-admin as employees. */
    public static final Set<Role> STAFF = Set.of(Role.SUPER_ADMIN, Role.FULFILLMENT_ADMIN, Role.INVENTORY_ADMIN,
            Role.ANALYTICS_ADMIN, Role.EMPLOYEE);

    /** USER_CREATED for this account, to write with it through the outbox. */
    public EventEnvelope<UserCreated> createdEvent() {
        return EventEnvelope.of(EventType.USER_CREATED, id, new UserCreated(id, email, name, phone, role, createdAt),
                createdAt);
    }

    /** USER_UPDATED for this state of the account. */
    public EventEnvelope<UserUpdated> updatedEvent() {
        return EventEnvelope.of(EventType.USER_UPDATED, id, new UserUpdated(id, email, name, role, active,
                dealer == null ? null : dealer.categories(), updatedAt), updatedAt);
    }

    public UserAccount withActive(boolean active, Instant at) {
        return new UserAccount(id, email, passwordHash, name, phone, role, active, dealer, employee, createdAt, at);
    }

    public UserAccount withDealerCategories(List<String> categories, Instant at) {
        return new UserAccount(id, email, passwordHash, name, phone, role, active, dealer.withCategories(categories),
                employee, createdAt, at);
    }

    /** What the API shows of an account: never the password hash. */
    public AccountView view() {
        return new AccountView(id, email, name, phone, role, active, dealer, employee, createdAt, updatedAt);
    }

    public record AccountView(String id, String email, String name, String phone, Role role, boolean active,
                              DealerProfile dealer, EmployeeProfile employee, Instant createdAt, Instant updatedAt) {
    }

    /** A business selling through the marketplace, and the catalog categories it serves. */
    public record DealerProfile(String businessName, String gstin, String pincode, List<String> categories) {

        public DealerProfile withCategories(List<String> assigned) {
            return new DealerProfile(businessName, gstin, pincode, List.copyOf(assigned));
        }
    }

    /** Someone working for the marketplace. */
    public record EmployeeProfile(String employeeCode, String designation, String department) {
    }
}
