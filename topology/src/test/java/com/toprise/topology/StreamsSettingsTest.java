package com.toprise.topology;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamsSettingsTest {

    private static final String BOOTSTRAP = "TOPRISE_KAFKA_BOOTSTRAP_SERVERS";

    @Test
    void withoutAnHttpPortNoInstanceAddressIsAdvertised() {
        StreamsSettings settings = StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "127.0.0.1:9092"));

        assertThat(settings.queryHost()).isEmpty();
        assertThat(settings.queryableProperties("app")).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }

    @Test
    void theHttpPortAndAdvertisedHostBecomeApplicationServer() {
        StreamsSettings local = StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "k:9092",
                "TOPRISE_TOPOLOGY_HTTP_PORT", "5005"));
        StreamsSettings pod = StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "k:9092",
                "TOPRISE_TOPOLOGY_HTTP_PORT", "5005", "TOPRISE_TOPOLOGY_ADVERTISED_HOST", "10.0.0.7"));

        assertThat(local.queryHost()).contains(new HostInfo("127.0.0.1", 5005));
        assertThat(pod.queryableProperties("app").get(StreamsConfig.APPLICATION_SERVER_CONFIG))
                .isEqualTo("10.0.0.7:5005");
        assertThat(pod.properties("app")).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }

    @Test
    void aPortThatIsNotOneStopsTheStart() {
        assertThatThrownBy(() -> StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "k:9092",
                "TOPRISE_TOPOLOGY_HTTP_PORT", "70000"))).hasMessageContaining("TOPRISE_TOPOLOGY_HTTP_PORT");
    }

    @Test
    void theAcceptanceTimeAndItsCheckIntervalDefaultTo30MinutesAnd5Seconds() {
        StreamsSettings defaults = StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "k:9092"));
        StreamsSettings set = StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "k:9092",
                "TOPRISE_FULFILMENT_ACCEPTANCE_TIME", "PT2M",
                "TOPRISE_FULFILMENT_ACCEPTANCE_CHECK_INTERVAL", " PT1S "));

        assertThat(defaults.acceptanceTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.acceptanceCheckInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.acceptanceTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(set.acceptanceCheckInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anAcceptanceTimeThatIsNotAPositiveDurationStopsTheStartWithTheVariablesName() {
        for (String value : List.of("30m", "PT0S", "-PT5M", "1800")) {
            assertThatThrownBy(() -> StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "k:9092",
                    "TOPRISE_FULFILMENT_ACCEPTANCE_TIME", value)))
                    .as(value).hasMessageContaining("TOPRISE_FULFILMENT_ACCEPTANCE_TIME");
        }
        assertThatThrownBy(() -> StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "k:9092",
                "TOPRISE_FULFILMENT_ACCEPTANCE_CHECK_INTERVAL", "soon")))
                .hasMessageContaining("TOPRISE_FULFILMENT_ACCEPTANCE_CHECK_INTERVAL");
        assertThatThrownBy(() -> StreamsSettings.fromEnvironment(Map.of(BOOTSTRAP, "k:9092",
                "TOPRISE_FULFILMENT_ACCEPTANCE_TIME", "PT10S", "TOPRISE_FULFILMENT_ACCEPTANCE_CHECK_INTERVAL", "PT1M")))
                .hasMessageContaining("TOPRISE_FULFILMENT_ACCEPTANCE_CHECK_INTERVAL");
    }
}
