package com.toprise.user.address;

import com.toprise.common.access.Access;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.geo.Location;
import com.toprise.user.account.AccountProfiles.ContactChanged;
import com.toprise.user.account.UserAccountRepository;
import com.toprise.user.address.Address.Contact;
import com.toprise.user.geo.Geocoder;
import com.toprise.user.geo.PostalAddress;
import com.toprise.user.pincode.PincodeRepository;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Users' delivery addresses: each owned by one user, each pincode checked against the serviceable list, each
 * geocoded when saved, each event carrying the owner's current name and phone.
 */
@Service
class AddressBook {

    /** Enough for home, office and a few garages; a bound so one account cannot fill the collection. */
    static final int MAX_PER_USER = 20;

    private final AddressRepository addresses;
    private final PincodeRepository pincodes;
    private final UserAccountRepository accounts;
    private final Geocoder geocoder;
    private final OutboxWriter outbox;
    private final Clock clock = Clock.systemUTC();

    AddressBook(AddressRepository addresses, PincodeRepository pincodes, UserAccountRepository accounts,
                Geocoder geocoder, OutboxWriter outbox) {
        this.addresses = addresses;
        this.pincodes = pincodes;
        this.accounts = accounts;
        this.geocoder = geocoder;
        this.outbox = outbox;
    }

    Address add(String userId, AddressDetails details) {
        checkServiceable(details.pincode());
        if (addresses.countByUserId(userId) >= MAX_PER_USER) {
            throw new ConflictException("An account can keep at most " + MAX_PER_USER + " addresses.");
        }
        Instant now = clock.instant();
        Address address = new Address(UUID.randomUUID().toString(), userId, details.label(), details.line1(),
                details.line2(), details.city(), details.state(), details.pincode(), locate(details), now, now);
        return outbox.insert(address, address.updatedEvent(false, now, contactOf(userId)));
    }

    /** The address if the caller may act on it; someone else's is answered like a missing one. */
    Address get(String id, Access access) {
        Address address = addresses.findById(id).orElseThrow(() -> new ResourceNotFoundException("addresses", id));
        access.checkOwner(address.userId(), id);
        return address;
    }

    Address change(String id, AddressDetails details, Access access) {
        Address existing = get(id, access);
        checkServiceable(details.pincode());
        Instant now = clock.instant();
        Address changed = new Address(existing.id(), existing.userId(), details.label(), details.line1(),
                details.line2(), details.city(), details.state(), details.pincode(), locate(details),
                existing.createdAt(), now);
        return outbox.save(changed, changed.updatedEvent(false, now, contactOf(existing.userId())));
    }

    /**
     * Two writes: the removal event is set on the document first, then the document goes. A delete carries no
     * document, so it cannot carry an event; if the delete fails after the first write, the address stays and a
     * retry removes it (order intake already refuses it, which is what the user asked for).
     */
    void remove(String id, Access access) {
        Address address = get(id, access);
        Instant now = clock.instant();
        outbox.update(Query.query(Criteria.where("_id").is(id)), new Update().set("removedAt", now), Address.class,
                address.updatedEvent(true, now, contactOf(address.userId())));
        addresses.delete(address);
    }

    /**
     * The owner's new name or phone, re-announced on each of its addresses, so the copies order intake keeps name
     * the right person to a courier. One write per address, each with its event; a crash midway leaves the rest
     * with the old contact until the next change.
     */
    @EventListener
    void contactChanged(ContactChanged changed) {
        Instant now = clock.instant();
        Contact contact = new Contact(changed.name(), changed.phone());
        List<OutboxWriter.Change> changes = addresses.findByUserId(changed.userId(), Pageable.ofSize(MAX_PER_USER))
                .stream().map(address -> new OutboxWriter.Change(Query.query(Criteria.where("_id").is(address.id())),
                        new Update().set("updatedAt", now),
                        List.<EventEnvelope<?>>of(address.updatedEvent(false, now, contact))))
                .toList();
        outbox.updateEach(Address.class, changes);
    }

    private Location locate(AddressDetails details) {
        return geocoder.locate(new PostalAddress(details.line1(), details.city(), details.state(), details.pincode()));
    }

    private Contact contactOf(String userId) {
        return accounts.findById(userId).map(owner -> new Contact(owner.name(), owner.phone()))
                .orElse(new Contact(null, null));
    }

    private void checkServiceable(String pincode) {
        boolean serviceable = pincodes.findById(pincode).map(p -> p.serviceable()).orElse(false);
        if (!serviceable) {
            throw InvalidRequestException.of("pincode", "is not a serviceable pincode");
        }
    }
}
