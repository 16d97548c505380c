package com.toprise.product.inventory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's application.yml as Spring Boot reads it: a local default, and nothing but the variable in prod. */
class InventoryQueryPropertiesTest {

    @Test
    void theLocalProfilePointsAtTheEmbeddedPlatformsTopologyPort() {
        InventoryQueryProperties properties = bind(configuration());

        assertThat(properties.url()).isEqualTo(URI.create("http://127.0.0.1:5005"));
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void productionRequiresTheVariable() {
        assertThatThrownBy(() -> bind(configuration("prod")))
                .hasStackTraceContaining("TOPRISE_INVENTORY_QUERY_URL");
    }

    private static StandardEnvironment configuration(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        // the test must not depend on the variables of whoever runs it
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.setActiveProfiles(profiles);
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }

    private static InventoryQueryProperties bind(StandardEnvironment environment) {
        return Binder.get(environment).bind("toprise.inventory-query", InventoryQueryProperties.class).get();
    }
}
