package com.toprise.user.geo;

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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Geocoding against a server speaking Nominatim's /search and a real Redis: what is asked, what is cached (a
 * place and "nothing found", never a failure), and the pincode's centroid whenever no point comes back.
 */
class GeocoderTest {

    @RegisterExtension
    static final EmbeddedRedis redis = new EmbeddedRedis();

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final GeoPoint MG_ROAD = new GeoPoint(12.9756, 77.6066);
    private static final GeoPoint CENTROID_560001 = new GeoPoint(12.9716, 77.5946);
    private static final PostalAddress SHOP = new PostalAddress("12 MG Road", "Bengaluru", "Karnataka", "560001");

    private static FakeNominatim nominatim;
    private static RedissonClient client;

    private final PincodeRepository pincodes = mock(PincodeRepository.class);

    @BeforeAll
    static void start() {
        nominatim = FakeNominatim.start();
        client = redis.newClient();
    }

    @AfterAll
    static void stop() {
        nominatim.close();
    }

    @BeforeEach
    void freshState() {
        nominatim.reset();
        client.getKeys().flushall();
        given(pincodes.findById("560001")).willReturn(Optional.of(
                new Pincode("560001", "Bengaluru", "Karnataka", true, CENTROID_560001, AT, AT)));
        given(pincodes.findById("799001")).willReturn(Optional.of(
                new Pincode("799001", "Agartala", "Tripura", true, null, AT, AT)));
    }

    @Test
    void aFoundAddressIsGeocodedWithAStructuredQueryAndAskedOnlyOnce() {
        nominatim.register(Map.of("street", "12 MG Road", "postalcode", "560001"),
                new Place(MG_ROAD.latitude(), MG_ROAD.longitude(), "12, MG Road, Bengaluru, Karnataka, 560001, India"));
        Geocoder geocoder = geocoder(Duration.ofSeconds(2));

        assertThat(geocoder.locate(SHOP)).isEqualTo(Location.geocoded(MG_ROAD));
        assertThat(geocoder.locate(new PostalAddress(" 12 mg road ", "BENGALURU", "Karnataka", "560001")))
                .as("the same address, spelled otherwise, is the cached one").isEqualTo(Location.geocoded(MG_ROAD));

        assertThat(nominatim.requests()).singleElement().satisfies(request -> {
            assertThat(request.userAgent()).isEqualTo("TopRise-Streams/test (geocoder tests)");
            assertThat(request.query()).containsAllEntriesOf(Map.of("street", "12 MG Road", "city", "Bengaluru",
                    "state", "Karnataka", "postalcode", "560001", "country", "India", "countrycodes", "in",
                    "format", "jsonv2", "limit", "1"));
            assertThat(request.query()).doesNotContainKey("q");
        });
    }

    @Test
    void nothingFoundFallsBackToTheCentroidAndIsRememberedToo() {
        Geocoder geocoder = geocoder(Duration.ofSeconds(2));
        assertThat(geocoder.locate(SHOP)).isEqualTo(Location.pincodeCentroid(CENTROID_560001));
        assertThat(geocoder.locate(SHOP)).isEqualTo(Location.pincodeCentroid(CENTROID_560001));
        assertThat(nominatim.requests()).as("the empty answer was cached").hasSize(1);
    }

    @Test
    void aFailedLookupFallsBackAndIsNotCachedSoTheNextSaveAsksAgain() {
        nominatim.register(Map.of("postalcode", "560001"), new Place(MG_ROAD.latitude(), MG_ROAD.longitude(), "MG"));
        nominatim.failWith(500);
        Geocoder geocoder = geocoder(Duration.ofSeconds(2));
        assertThat(geocoder.locate(SHOP)).isEqualTo(Location.pincodeCentroid(CENTROID_560001));

        nominatim.recover();
        assertThat(geocoder.locate(SHOP)).isEqualTo(Location.geocoded(MG_ROAD));
        assertThat(nominatim.requests()).hasSize(2);
    }

    @Test
    void aServerSlowerThanTheTimeoutFallsBack() {
        nominatim.register(Map.of("postalcode", "560001"), new Place(MG_ROAD.latitude(), MG_ROAD.longitude(), "MG"));
        nominatim.delayAnswers(Duration.ofSeconds(3));
        Geocoder geocoder = new Geocoder(nominatimClient(Duration.ofMillis(300)), cache(), throttle(Duration.ZERO),
                pincodes);
        long started = System.nanoTime();
        assertThat(geocoder.locate(SHOP)).isEqualTo(Location.pincodeCentroid(CENTROID_560001));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void withoutAUrlNothingIsAskedAndAPincodeWithoutCentroidHasNoLocation() {
        GeocodingProperties off = new GeocodingProperties(null, null, null, null, null);
        Geocoder geocoder = new Geocoder(new NominatimClient(off), new GeocodeCache(client, off),
                new GeocodingThrottle(client, off), pincodes);
        assertThat(geocoder.locate(SHOP)).isEqualTo(Location.pincodeCentroid(CENTROID_560001));
        assertThat(geocoder.locate(new PostalAddress("1 Hill Road", "Agartala", "Tripura", "799001"))).isNull();
        assertThat(nominatim.requests()).isEmpty();
    }

    @Test
    void aBrokenAnswerIsAFailureNotANothingFound() {
        nominatim.register(Map.of("postalcode", "560001"), new Place(91.5, 77.6, "off the earth"));
        Geocoder geocoder = geocoder(Duration.ofSeconds(2));
        assertThat(geocoder.locate(SHOP)).isEqualTo(Location.pincodeCentroid(CENTROID_560001));
        geocoder.locate(SHOP);
        assertThat(nominatim.requests()).as("an unusable answer is not cached").hasSize(2);
    }

    private Geocoder geocoder(Duration throttleWait) {
        return new Geocoder(nominatimClient(Duration.ofSeconds(2)), cache(), throttle(throttleWait), pincodes);
    }

    static GeocodingProperties properties(FakeNominatim server, Duration requestTimeout, Duration throttleWait) {
        return new GeocodingProperties(server.baseUrl().toString(), "TopRise-Streams/test (geocoder tests)",
                requestTimeout, throttleWait, Duration.ofDays(30));
    }

    private NominatimClient nominatimClient(Duration timeout) {
        return new NominatimClient(properties(nominatim, timeout, Duration.ZERO));
    }

    private GeocodeCache cache() {
        return new GeocodeCache(client, properties(nominatim, Duration.ofSeconds(2), Duration.ZERO));
    }

    private GeocodingThrottle throttle(Duration wait) {
        return new GeocodingThrottle(client, properties(nominatim, Duration.ofSeconds(2), wait));
    }
}
