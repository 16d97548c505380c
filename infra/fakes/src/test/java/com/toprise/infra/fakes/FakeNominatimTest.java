package com.toprise.infra.fakes;

import com.toprise.infra.fakes.FakeNominatim.Place;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake answers as Nominatim does (jsonv2, coordinates as strings), records what it was asked, and fails on cue. */
class FakeNominatimTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeNominatim nominatim = FakeNominatim.start();

    @AfterEach
    void stop() {
        nominatim.close();
    }

    @Test
    void aRegisteredPlaceIsAnsweredInJsonv2AndTheRequestIsRecorded() throws Exception {
        nominatim.register(Map.of("postalcode", "560001", "street", "12 MG Road"), new Place(12.9756, 77.6066,
                "12, MG Road, Bengaluru", Map.of("road", "MG Road", "postcode", "560001")));
        HttpResponse<String> found = search("street=12%20mg%20road&postalcode=560001&format=jsonv2&limit=1",
                "TopRise-Streams/test");
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode places = JSON.readTree(found.body());
        assertThat(places.size()).isEqualTo(1);
        assertThat(places.get(0).path("lat").isString()).isTrue();
        assertThat(places.get(0).path("lat").asString()).isEqualTo("12.9756");
        assertThat(places.get(0).path("lon").asString()).isEqualTo("77.6066");
        assertThat(places.get(0).path("display_name").asString()).isEqualTo("12, MG Road, Bengaluru");
        assertThat(places.get(0).path("address").path("road").asString()).isEqualTo("MG Road");

        assertThat(JSON.readTree(search("postalcode=110001&format=jsonv2", "TopRise-Streams/test").body()).size())
                .as("nothing registered there").isZero();
        assertThat(nominatim.requests()).hasSize(2);
        assertThat(nominatim.requests().get(0).userAgent()).isEqualTo("TopRise-Streams/test");
        assertThat(nominatim.requests().get(0).query()).containsEntry("street", "12 mg road");
    }

    @Test
    void anAnonymousClientIsRefusedAndAFailureOrADelayIsServedOnCue() throws Exception {
        assertThat(search("postalcode=560001", null).statusCode()).isEqualTo(403);
        nominatim.failWith(503);
        assertThat(search("postalcode=560001", "TopRise-Streams/test").statusCode()).isEqualTo(503);
        nominatim.recover().delayAnswers(Duration.ofSeconds(2));
        HttpRequest slow = HttpRequest.newBuilder(URI.create(nominatim.baseUrl() + "/search?postalcode=560001"))
                .header("User-Agent", "TopRise-Streams/test").timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> HTTP.send(slow, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    private HttpResponse<String> search(String query, String userAgent) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nominatim.baseUrl() + "/search?" + query));
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
