package com.toprise.user.address;

import com.toprise.common.access.Access;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.user.pincode.PincodeRepository;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Users' delivery addresses: each owned by one user, each pincode checked against the serviceable list. */
@Service
class AddressBook {

    /** Enough for home, office and a few garages; a bound so one account cannot fill the collection. */
    static final int MAX_PER_USER = 20;

    private final AddressRepository addresses;
    private final PincodeRepository pincodes;
    private final OutboxWriter outbox;
    private final Clock clock = Clock.systemUTC();

    AddressBook(AddressRepository addresses, PincodeRepository pincodes, OutboxWriter outbox) {
        this.addresses = addresses;
        this.pincodes = pincodes;
        this.outbox = outbox;
    }

    Address add(String userId, AddressDetails details) {
        checkServiceable(details.pincode());
        if (addresses.countByUserId(userId) >= MAX_PER_USER) {
            throw new ConflictException("An account can keep at most " + MAX_PER_USER + " addresses.");
        }
        Instant now = clock.instant();
        Address address = new Address(UUID.randomUUID().toString(), userId, details.label(), details.line1(),
                details.line2(), details.city(), details.state(), details.pincode(), now, now);
        return outbox.insert(address, address.updatedEvent(false, now));
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
                details.line2(), details.city(), details.state(), details.pincode(), existing.createdAt(), now);
        return outbox.save(changed, changed.updatedEvent(false, now));
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
                address.updatedEvent(true, now));
        addresses.delete(address);
    }

    private void checkServiceable(String pincode) {
        boolean serviceable = pincodes.findById(pincode).map(p -> p.serviceable()).orElse(false);
        if (!serviceable) {
            throw InvalidRequestException.of("pincode", "is not a serviceable pincode");
        }
    }
}
