package com.toprise.user.account;

import com.toprise.schemas.events.UserCreated.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public interface UserAccountRepository extends MongoRepository<UserAccount, String> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    /** The email as accounts store it (lower case), refused with 409 when an account already has it. */
    default String unusedEmail(String email) {
        String normalized = email.toLowerCase(Locale.ROOT);
        if (existsByEmail(normalized)) {
            throw new DuplicateKeyException("an account with this email exists");
        }
        return normalized;
    }

    boolean existsByRole(Role role);

    Page<UserAccount> findByRoleIn(Collection<Role> roles, Pageable pageable);

    Page<UserAccount> findByRole(Role role, Pageable pageable);

    @Query(value = "{ 'active': false }", fields = "{ '_id': 1 }")
    List<IdOnly> findDeactivated();

    record IdOnly(String id) {
    }
}
