package com.toprise.user.account;

import com.toprise.common.access.AccessControlStore;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.user.category.KnownCategories;
import com.toprise.user.geo.Geocoder;
import com.toprise.user.pincode.PincodeRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What admins do to accounts: create staff and dealers, (de)activate staff, dealers and customers, assign dealers
 * their categories. A dealer's every change here reaches the fulfilment side as DEALER_UPDATED.
 */
@Service
public class UserAdministration {

    private final UserAccountRepository accounts;
    private final OutboxWriter outbox;
    private final PasswordEncoder passwords;
    private final KnownCategories categories;
    private final PincodeRepository pincodes;
    private final AccessControlStore accessControl;
    private final Geocoder geocoder;
    private final Clock clock = Clock.systemUTC();

    UserAdministration(UserAccountRepository accounts, OutboxWriter outbox, PasswordEncoder passwords,
                       KnownCategories categories, PincodeRepository pincodes, AccessControlStore accessControl,
                       Geocoder geocoder) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.passwords = passwords;
        this.categories = categories;
        this.pincodes = pincodes;
        this.accessControl = accessControl;
        this.geocoder = geocoder;
    }

    public UserAccount createEmployee(NewEmployee request) {
        if (!UserAccount.STAFF.contains(request.role())) {
            throw new InvalidRequestException(List.of(new FieldError("role", "must be one of " + UserAccount.STAFF)));
        }
        Instant now = clock.instant();
        UserAccount account = new UserAccount(UUID.randomUUID().toString(), accounts.unusedEmail(request.email()),
                passwords.encode(request.password()), request.name(), request.phone(), request.role(), true, null,
                new UserAccount.EmployeeProfile(request.employeeCode(), request.designation(), request.department()),
                now, now);
        return create(account);
    }

    public UserAccount createDealer(NewDealer request) {
        List<FieldError> errors = new ArrayList<>();
        if (!pincodes.existsById(request.pincode())) {
            errors.add(new FieldError("pincode", "is not a known pincode"));
        }
        List<String> assigned = request.categories() == null ? List.of() : List.copyOf(request.categories());
        errors.addAll(categories.check("categories", assigned));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant now = clock.instant();
        UserAccount account = new UserAccount(UUID.randomUUID().toString(), accounts.unusedEmail(request.email()),
                passwords.encode(request.password()), request.name(), request.phone(), Role.DEALER, true,
                DealerProfile.onboarded(request.businessName(), request.gstin(), request.pincode(), assigned,
                        geocoder.centroidOf(request.pincode())),
                null, now, now);
        return create(account);
    }

    public UserAccount assignCategories(String dealerId, List<String> categoryIds) {
        UserAccount dealer = accounts.findById(dealerId).filter(a -> a.role() == Role.DEALER)
                .orElseThrow(() -> new ResourceNotFoundException("dealer", dealerId));
        List<String> distinct = categoryIds.stream().distinct().toList();
        List<FieldError> errors = categories.check("categories", distinct);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UserAccount changed = dealer.withDealerCategories(distinct, clock.instant());
        return outbox.save(changed, changed.updatedEvents());
    }

    /** Turns a staff account off or on; see {@link #setActive(Set, String, String, boolean, String)}. */
    public UserAccount setActive(String employeeId, boolean active, String actingUserId) {
        return setActive(UserAccount.STAFF, "employee", employeeId, active, actingUserId);
    }

    /** Turns a dealer's or a customer's account off or on; a deactivated dealer is assigned nothing more. */
    public UserAccount setActive(Role role, String accountId, boolean active, String actingUserId) {
        return setActive(Set.of(role), role.name().toLowerCase(Locale.ROOT), accountId, active, actingUserId);
    }

    /**
     * Off takes effect at once: login is refused, refresh tokens stop working (refresh checks the account), and
     * every service refuses its access tokens from the next request on.
     */
    private UserAccount setActive(Set<Role> roles, String kind, String accountId, boolean active,
                                  String actingUserId) {
        UserAccount account = accounts.findById(accountId).filter(a -> roles.contains(a.role()))
                .orElseThrow(() -> new ResourceNotFoundException(kind, accountId));
        if (!active && account.id().equals(actingUserId)) {
            throw new ConflictException("An admin cannot deactivate its own account.");
        }
        UserAccount changed = account.withActive(active, clock.instant());
        outbox.save(changed, changed.updatedEvents());
        accessControl.setDeactivated(changed.id(), !active);
        return changed;
    }

    private UserAccount create(UserAccount account) {
        return outbox.insert(account, account.createdEvents());
    }
}
