package com.toprise.infra.support;

import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Dealers.Category;
import com.toprise.infra.support.Dealers.ServiceArea;
import com.toprise.infra.support.Shop.Customer;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cast of a fulfilment test, set up through the gateway for that test alone: a new catalog category, one part
 * in it, real dealer accounts carrying the category at the sites asked for (each with its stock of the part, a
 * profile and a service area, known to the topology), and a customer with a delivery address in Bengaluru that
 * order-service knows. Everything is new, so no other test's orders, stock or dealer load touch it.
 */
public final class FulfilmentScene {

    private static final Duration VERDICT = Duration.ofSeconds(60);

    /** A dealer's business address (this street at this pincode), where it delivers and how many parts it holds. */
    public record Site(String street, String pincode, ServiceArea area, int stock) {

        /** At the pincode's centroid (no geocoder knows the street), delivering within 50 km. */
        public static Site at(String pincode, int stock) {
            return new Site("4 Industrial Estate", pincode, ServiceArea.radius(50), stock);
        }
    }

    private final Shop shop;
    private final String sku;
    private final List<Api.Session> dealers;
    private final Customer customer;

    private FulfilmentScene(Shop shop, String sku, List<Api.Session> dealers, Customer customer) {
        this.shop = shop;
        this.sku = sku;
        this.dealers = List.copyOf(dealers);
        this.customer = customer;
    }

    /** Dealers at these sites and a customer at 560001, at the street given (where the geocoder may place it). */
    public static FulfilmentScene set(EmbeddedPlatform platform, String customerStreet, Site... sites) {
        Shop shop = new Shop(platform);
        Dealers dealers = new Dealers(platform);
        Accounts accounts = new Accounts(platform);
        Category category = dealers.category("Brakes");
        String sku = shop.product("LIVE", "1450.00", category.name());
        List<Api.Session> sessions = new ArrayList<>();
        for (Site site : sites) {
            Api.Session dealer = accounts.dealer();
            dealers.assignable(dealer.userId(), category.id(), site.street(), site.pincode(), site.area());
            shop.stock(sku, dealer.userId(), site.stock());
            sessions.add(dealer);
        }
        Customer customer = shop.customer(customerStreet, "560001");
        shop.awaitOrderable(customer, sku);
        shop.awaitAddressKnown(customer);
        return new FulfilmentScene(shop, sku, sessions, customer);
    }

    /** As {@link #set(EmbeddedPlatform, String, Site...)}, the customer at a street no geocoder knows. */
    public static FulfilmentScene set(EmbeddedPlatform platform, Site... sites) {
        return set(platform, "12 MG Road", sites);
    }

    /** Places an order of this many parts as the customer and waits until the topology confirmed it; returns it. */
    public JsonNode confirmedOrder(int quantity) {
        HttpResponse<String> placed = shop.placeOrder(customer, UUID.randomUUID().toString(),
                Shop.order(customer.addressId(), Map.of(sku, quantity)));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode order = shop.awaitVerdict(customer.token(), Api.json(placed).path("id").asString(), VERDICT);
        assertThat(order.path("status").asString()).as(order.toString()).isEqualTo("CONFIRMED");
        return order;
    }

    public Shop shop() {
        return shop;
    }

    public String sku() {
        return sku;
    }

    public Customer customer() {
        return customer;
    }

    /** The dealer of the {@code index}th site. */
    public Api.Session dealer(int index) {
        return dealers.get(index);
    }

    /** The part's live figures at the {@code index}th site's dealer. */
    public JsonNode stockAt(int index) {
        return shop.stockAt(sku, dealer(index).userId());
    }

    /** Waits until the part's figures, summed over the scene's dealers, are these. */
    public void awaitStock(long onHand, long reserved, long available) {
        shop.awaitStock(sku, onHand, reserved, available);
    }
}
