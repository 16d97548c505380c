package com.toprise.user.account;

import com.toprise.schemas.events.UserCreated.Role;

import java.time.Instant;
import java.util.List;

/** Accounts of each kind for user-service's tests, so every test builds them alike. */
public final class TestAccounts {

    public static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private TestAccounts() {
    }

    public static UserAccount customer(String id) {
        return new UserAccount(id, id + "@example.com", "hash", "Customer " + id, null, Role.CUSTOMER, true, null, null,
                CREATED, CREATED);
    }

    public static UserAccount dealer(String id) {
        return new UserAccount(id, id + "@example.com", "hash", "Dealer " + id, null, Role.DEALER, true,
                DealerProfile.onboarded("Parts " + id, "27AAPFU0939F1ZV", "110001", List.of("brakes"), null), null,
                CREATED, CREATED);
    }

    public static UserAccount staff(String id, Role role) {
        return new UserAccount(id, id + "@example.com", "hash", "Staff " + id, null, role, true, null,
                new UserAccount.EmployeeProfile("EMP-" + id, null, null), CREATED, CREATED);
    }
}
