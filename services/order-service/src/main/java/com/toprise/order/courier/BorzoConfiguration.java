package com.toprise.order.courier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The Borzo adapter's clients, built from {@link BorzoProperties}. */
@Configuration(proxyBeanMethods = false)
class BorzoConfiguration {

    @Bean
    BorzoClient borzoClient(BorzoProperties properties, ObjectMapper json) {
        return new BorzoClient(properties, json);
    }

    @Bean
    CallbackSignature callbackSignature(BorzoProperties properties) {
        return new CallbackSignature(properties.callbackSecret());
    }
}
