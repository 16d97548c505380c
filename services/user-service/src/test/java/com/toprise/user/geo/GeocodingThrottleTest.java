package com.toprise.user.geo;

import com.toprise.common.redis.RedisProperties;
import com.toprise.common.redis.RedissonClients;
import com.toprise.common.test.EmbeddedRedis;
import com.toprise.infra.fakes.FakeNominatim;
import com.toprise.infra.fakes.FakeNominatim.Place;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.schemas.geo.Location;
import com.toprise.user.pincode.Pincode;
import com.toprise.user.pincode.PincodeRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The platform-wide budget of one Nominatim request a second, on a real Redis with two clients standing for two
 * instances: a second lookup within the second waits for its slot, or, when the wait is shorter than that, uses
 * the centroid without asking; a Redis that does not answer gives no slot at all.
 */
class GeocodingThrottleTest {

    @RegisterExtension
    static final EmbeddedRedis redis = new EmbeddedRedis();

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final GeoPoint CENTROID = new GeoPoint(12.9716, 77.5946);
    private static final PostalAddress FIRST = new PostalAddress("1 MG Road", "Bengaluru", "Karnataka", "560001");
    private static final PostalAddress SECOND = new PostalAddress("2 MG Road", "Bengaluru", "Karnataka", "560001");

    private static FakeNominatim nominatim;
    private static RedissonClient instanceA;
    private static RedissonClient instanceB;

    private final PincodeRepository pincodes = mock(PincodeRepository.class);

    @BeforeAll
    static void start() {
        nominatim = FakeNominatim.start();
        instanceA = redis.newClient();
        instanceB = redis.newClient();
    }

    @AfterAll
    static void stop() {
        nominatim.close();
    }

    @BeforeEach
    void freshState() {
        nominatim.reset();
        nominatim.register(Map.of("postalcode", "560001"), new Place(12.9756, 77.6066, "MG Road, Bengaluru"));
        instanceA.getKeys().flushall();
        given(pincodes.findById("560001")).willReturn(Optional.of(
                new Pincode("560001", "Bengaluru", "Karnataka", true, CENTROID, AT, AT)));
    }

    @Test
    void aSecondLookupWithinTheSecondOnAnotherInstanceWaitsForItsSlot() {
        Geocoder a = geocoder(instanceA, Duration.ofSeconds(3));
        Geocoder b = geocoder(instanceB, Duration.ofSeconds(3));

        assertThat(a.locate(FIRST).source()).isEqualTo(Location.Source.GEOCODED);
        long firstAsked = System.nanoTime();
        assertThat(b.locate(SECOND).source()).isEqualTo(Location.Source.GEOCODED);
        Duration between = Duration.ofNanos(System.nanoTime() - firstAsked);

        assertThat(nominatim.requests()).hasSize(2);
        // the limiter's window is one second; a few milliseconds of clock and round trip either way are its own
        assertThat(between).isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void aSecondLookupThatCannotWaitLongEnoughUsesTheCentroidWithoutAsking() {
        Geocoder a = geocoder(instanceA, Duration.ofMillis(100));
        Geocoder b = geocoder(instanceB, Duration.ofMillis(100));

        assertThat(a.locate(FIRST).source()).isEqualTo(Location.Source.GEOCODED);
        assertThat(b.locate(SECOND)).isEqualTo(Location.pincodeCentroid(CENTROID));
        assertThat(nominatim.requests()).hasSize(1);
    }

    @Test
    void withoutRedisThereIsNoSlotAndNoLookup() throws IOException {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }
        RedissonClient unreachable = RedissonClients.create(new RedisProperties("redis://127.0.0.1:" + nobodyListens,
                null, Duration.ofMillis(200)), Duration.ofMillis(200), 0);
        try {
            assertThat(geocoder(unreachable, Duration.ofSeconds(1)).locate(FIRST))
                    .isEqualTo(Location.pincodeCentroid(CENTROID));
            assertThat(nominatim.requests()).isEmpty();
        } finally {
            unreachable.shutdown();
        }
    }

    private Geocoder geocoder(RedissonClient client, Duration throttleWait) {
        GeocodingProperties properties = GeocoderTest.properties(nominatim, Duration.ofSeconds(2), throttleWait);
        return new Geocoder(new NominatimClient(properties), new GeocodeCache(client, properties),
                new GeocodingThrottle(client, properties), pincodes);
    }
}
