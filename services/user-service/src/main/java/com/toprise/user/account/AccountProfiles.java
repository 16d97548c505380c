package com.toprise.user.account;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.UserCreated.Role;
import com.toprise.schemas.geo.Location;
import com.toprise.user.geo.Geocoder;
import com.toprise.user.pincode.PincodeRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Edits of what people say about themselves: a dealer's business profile (address, phone, service area, hours),
 * anyone's name and phone. Each is one write of the account with its events; a changed contact is then announced
 * in-process ({@link ContactChanged}) so the copies of it that other records carry follow.
 */
@Service
public class AccountProfiles {

    /** Someone's name or phone changed; published after the account's write. */
    public record ContactChanged(String userId, String name, String phone) {
    }

    private final UserAccountRepository accounts;
    private final PincodeRepository pincodes;
    private final Geocoder geocoder;
    private final OutboxWriter outbox;
    private final ApplicationEventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    AccountProfiles(UserAccountRepository accounts, PincodeRepository pincodes, Geocoder geocoder, OutboxWriter outbox,
                    ApplicationEventPublisher publisher) {
        this.accounts = accounts;
        this.pincodes = pincodes;
        this.geocoder = geocoder;
        this.outbox = outbox;
        this.publisher = publisher;
    }

    /** Replaces the dealer's profile; its pincodes must be known ones, and its address is geocoded. */
    public UserAccount changeDealerProfile(String dealerId, DealerProfileChange change) {
        UserAccount dealer = accounts.findById(dealerId).filter(a -> a.role() == Role.DEALER)
                .orElseThrow(() -> new ResourceNotFoundException("dealer", dealerId));
        List<FieldError> errors = new ArrayList<>(change.problems());
        if (!pincodes.existsById(change.address().pincode())) {
            errors.add(new FieldError("address.pincode", "is not a known pincode"));
        }
        List<String> served = change.serviceArea().pincodes();
        for (int i = 0; i < served.size(); i++) {
            if (!pincodes.existsById(served.get(i))) {
                errors.add(new FieldError("serviceArea.pincodes[" + i + "]", "is not a known pincode"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Location location = geocoder.locate(change.address().postal());
        UserAccount changed = dealer.withDealerProfile(change, location, clock.instant());
        return outbox.save(changed, changed.updatedEvents());
    }

    /** The account's own name and phone; {@code role}, when given, is the kind of account the caller addressed. */
    public UserAccount changeContact(String accountId, Role role, ContactChange change) {
        UserAccount account = accounts.findById(accountId).filter(a -> role == null || a.role() == role)
                .orElseThrow(() -> new ResourceNotFoundException(
                        role == null ? "user" : role.name().toLowerCase(Locale.ROOT), accountId));
        UserAccount changed = account.withContact(change, clock.instant());
        outbox.save(changed, changed.updatedEvents());
        publisher.publishEvent(new ContactChanged(changed.id(), changed.name(), changed.phone()));
        return changed;
    }
}
