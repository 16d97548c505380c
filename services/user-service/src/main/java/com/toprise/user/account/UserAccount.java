package com.toprise.user.account;

import com.toprise.schemas.events.UserCreated;
import com.toprise.schemas.events.UserCreated.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A person who can log in: a customer, a dealer, an employee or an admin. The email is the login name. */
@Document("users")
public record UserAccount(@Id String id, @Indexed(unique = true) String email, String passwordHash, String name,
                          String phone, Role role, boolean active, Instant createdAt, Instant updatedAt) {

    public UserCreated asCreatedEvent() {
        return new UserCreated(id, email, name, phone, role, createdAt);
    }

    /** What the API shows of an account: never the password hash. */
    public AccountView view() {
        return new AccountView(id, email, name, phone, role, active, createdAt);
    }

    public record AccountView(String id, String email, String name, String phone, Role role, boolean active,
                              Instant createdAt) {
    }
}
