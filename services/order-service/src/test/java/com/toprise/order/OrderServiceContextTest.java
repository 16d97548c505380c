package com.toprise.order;

import com.toprise.common.test.EndpointProtection;
import com.toprise.common.test.InMemoryPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole order-service context starts on an in-memory platform, its endpoints all decided about. */
@SpringBootTest
@ContextConfiguration(initializers = InMemoryPlatform.class)
class OrderServiceContextTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void everyEndpointDeclaresItsProtection() {
        assertThat(EndpointProtection.controllers(context)).contains("OrderController", "CartController",
                "WishlistController", "ReturnReasonController", "BorzoCallbackController");
        EndpointProtection.assertChecked(context);
    }
}
