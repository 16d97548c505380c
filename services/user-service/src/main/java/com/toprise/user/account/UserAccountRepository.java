package com.toprise.user.account;

import com.toprise.schemas.events.UserCreated.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface UserAccountRepository extends MongoRepository<UserAccount, String> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByRole(Role role);

    Page<UserAccount> findByRoleIn(Collection<Role> roles, Pageable pageable);

    Page<UserAccount> findByRole(Role role, Pageable pageable);

    @Query(value = "{ 'active': false }", fields = "{ '_id': 1 }")
    List<IdOnly> findDeactivated();

    record IdOnly(String id) {
    }
}
