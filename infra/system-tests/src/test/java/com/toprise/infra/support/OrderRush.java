package com.toprise.infra.support;

import com.toprise.infra.support.Shop.Customer;
import com.toprise.schemas.topics.Topics;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many customers ordering one SKU at once, for the tests of what the inventory topology confirms under
 * contention: the customers, the concurrent one-unit orders, their verdicts and the verdict events.
 */
public final class OrderRush {

    private static final Duration VERDICT = Duration.ofSeconds(150);

    private final Shop shop;
    private final String sku;
    private final List<Customer> customers = new ArrayList<>();

    /** {@code customerCount} new customers at 560001, each known to order-service, and the SKU orderable. */
    public OrderRush(Shop shop, String sku, int customerCount) {
        this.shop = shop;
        this.sku = sku;
        for (int i = 0; i < customerCount; i++) {
            Customer customer = shop.customer("560001");
            shop.awaitAddressKnown(customer);
            customers.add(customer);
        }
        shop.awaitOrderable(customers.get(0), sku);
    }

    /** {@code count} one-unit orders at once, spread over the customers; every one must be accepted (201). */
    public List<String> placeConcurrently(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Customer customer = customers.get(i % customers.size());
                posts.add(pool.submit(() -> shop.placeOrder(customer, UUID.randomUUID().toString(),
                        Shop.order(customer.addressId(), Map.of(sku, 1)))));
            }
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> post : posts) {
                HttpResponse<String> response = post.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                ids.add(Api.json(response).path("id").asString());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for every order's verdict; counts by status. */
    public Map<String, Long> verdicts(List<String> orderIds) {
        Map<String, String> tokenByCustomer = customers.stream().collect(Collectors.toMap(Customer::id, Customer::token));
        Map<String, Long> counts = new HashMap<>();
        for (String orderId : orderIds) {
            JsonNode order = null;
            for (Customer customer : customers) {
                HttpResponse<String> found = shop.api().get("/api/orders/" + orderId, customer.token());
                if (found.statusCode() == 200) {
                    order = shop.awaitVerdict(tokenByCustomer.get(Api.json(found).path("customerId").asString()),
                            orderId, VERDICT);
                    break;
                }
            }
            assertThat(order).as("order %s found by its customer", orderId).isNotNull();
            counts.merge(order.path("status").asString(), 1L, Long::sum);
        }
        return counts;
    }

    /** Exactly one committed ORDER_VALIDATED per order: no verdict lost, none doubled by a restart. */
    public static void assertOneVerdictEach(String bootstrapServers, List<String> orderIds) {
        Set<String> wanted = Set.copyOf(orderIds);
        try (var reader = new TopicReader<>(bootstrapServers, Topics.ORDER_VALIDATED)) {
            Map<String, Long> perOrder = reader.read(r -> wanted.contains(r.key()), orderIds.size(), Duration.ofSeconds(30))
                    .stream().collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
            // read a little longer: a duplicate would come after the first copy
            reader.read(r -> wanted.contains(r.key()), 1, Duration.ofSeconds(2))
                    .forEach(r -> perOrder.merge(r.key(), 1L, Long::sum));
            assertThat(perOrder.keySet()).containsExactlyInAnyOrderElementsOf(wanted);
            assertThat(perOrder.values()).allMatch(n -> n == 1L);
        }
    }
}
