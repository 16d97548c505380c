package com.toprise.order.delivery;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.common.events.NewestCopies;
import com.toprise.common.test.ListenerRecords;
import com.toprise.order.order.OrderProperties;
import com.toprise.schemas.events.AddressUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.PincodeUpdated;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.schemas.topics.Topics;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADDRESS_UPDATED and PINCODE_UPDATED delivered twice, or after a newer one, leave one copy of the newest version;
 * an address's copy keeps what orders going there need (its point, street lines and contact).
 */
class DeliveryUpdatesListenerTest {

    private static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final GeoPoint PUNE = new GeoPoint(18.5204, 73.8567);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private DeliveryUpdatesListener listener;
    private long offset;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "orders");
        listener = new DeliveryUpdatesListener(new DeliveryAddresses(mongo, new NewestCopies(mongo),
                new OrderProperties("INR", Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(5),
                        Duration.ofSeconds(5))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRedeliveredAddressChangesNothingAndAnOlderOneDoesNotUndoANewer() {
        EventEnvelope<AddressUpdated> saved = address(false, T1);

        deliverAddress(saved);
        deliverAddress(saved);
        assertThat(mongo.findAll(KnownAddress.class)).containsExactly(known(false, T1));

        deliverAddress(address(true, T2));
        deliverAddress(saved);
        assertThat(mongo.findAll(KnownAddress.class)).containsExactly(known(true, T2));
        assertThat(known(false, T1).asDestination()).isEqualTo(new Destination("addr-1", "411001", "Pune",
                "Maharashtra", "12 FC Road", "Flat 4", "Asha Rao", "+919800000001", PUNE));
    }

    @Test
    void aRedeliveredPincodeChangesNothingAndAnOlderOneDoesNotUndoANewer() {
        EventEnvelope<PincodeUpdated> open = pincode(true, T1);

        deliverPincode(open);
        deliverPincode(open);
        assertThat(mongo.findAll(KnownPincode.class)).containsExactly(new KnownPincode("411001", true, T1));

        deliverPincode(pincode(false, T2));
        deliverPincode(open);
        assertThat(mongo.findAll(KnownPincode.class)).containsExactly(new KnownPincode("411001", false, T2));
    }

    private void deliverAddress(EventEnvelope<AddressUpdated> event) {
        listener.onAddressUpdated(ListenerRecords.to(DeliveryUpdatesListener.class, "onAddressUpdated",
                Topics.ADDRESS_UPDATED, event.aggregateId(), event, offset++));
    }

    private void deliverPincode(EventEnvelope<PincodeUpdated> event) {
        listener.onPincodeUpdated(ListenerRecords.to(DeliveryUpdatesListener.class, "onPincodeUpdated",
                Topics.PINCODE_UPDATED, event.aggregateId(), event, offset++));
    }

    private static EventEnvelope<AddressUpdated> address(boolean removed, Instant at) {
        return EventEnvelope.of(EventType.ADDRESS_UPDATED, "addr-1",
                new AddressUpdated("addr-1", "asha", "12 FC Road", "Flat 4", "Pune", "Maharashtra", "411001", removed,
                        Location.pincodeCentroid(PUNE), "Asha Rao", "+919800000001", at), at);
    }

    private static KnownAddress known(boolean removed, Instant at) {
        return new KnownAddress("addr-1", "asha", "12 FC Road", "Flat 4", "Pune", "Maharashtra", "411001", "Asha Rao",
                "+919800000001", PUNE, removed, at);
    }

    private static EventEnvelope<PincodeUpdated> pincode(boolean serviceable, Instant at) {
        return EventEnvelope.of(EventType.PINCODE_UPDATED, "411001",
                new PincodeUpdated("411001", "Pune", "Maharashtra", serviceable, at), at);
    }
}
