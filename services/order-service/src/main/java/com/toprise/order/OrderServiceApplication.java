package com.toprise.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Order intake (one order per Idempotency-Key, from {@code POST /api/orders} or a cart's checkout) and the order
 * reads, each order moved to CONFIRMED or REJECTED by the inventory topology's verdict; carts, wishlists and the
 * return reasons' list. Catalog products, addresses and pincodes are local copies kept from their events. Dealer
 * assignment is the topology's. A packed fulfilment's courier is booked with Borzo and followed by its signed
 * callbacks (package {@code courier}); payments, returns, tickets and SLAs are not built.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
