package com.toprise.order.cart;

import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.order.catalog.KnownProduct;
import com.toprise.order.catalog.KnownProducts;
import com.toprise.order.order.NewOrder;
import com.toprise.order.order.NewOrderLine;
import com.toprise.order.order.OrderIntake;
import com.toprise.order.order.OrderProperties;
import com.toprise.order.order.Placement;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Customers' carts. A cart is changed by reading it and writing it back only if nobody wrote in between (its
 * version), so two tabs changing one cart at once both count.
 */
@Service
class Carts {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final KnownProducts products;
    private final OrderIntake intake;
    private final OrderProperties orders;
    private final Clock clock = Clock.systemUTC();

    Carts(MongoTemplate mongo, KnownProducts products, OrderIntake intake, OrderProperties orders) {
        this.mongo = mongo;
        this.products = products;
        this.intake = intake;
        this.orders = orders;
    }

    CartView view(String customerId) {
        return view(find(customerId));
    }

    private CartView view(Cart cart) {
        return CartView.of(cart, products.bySku(cart.items().stream().map(Cart.CartItem::sku).toList()),
                orders.currency());
    }

    CartView setQuantity(String customerId, String sku, int quantity) {
        String refusal = KnownProduct.refusal(products.bySku(List.of(sku)).get(sku));
        if (refusal != null) {
            throw InvalidRequestException.of("sku", refusal);
        }
        return view(change(customerId, cart -> {
            if (!cart.holds(sku) && cart.items().size() >= Cart.MAX_ITEMS) {
                throw new ConflictException("A cart holds at most " + Cart.MAX_ITEMS + " items.");
            }
            return cart.withQuantity(sku, quantity, clock.instant());
        }));
    }

    CartView remove(String customerId, String sku) {
        return view(change(customerId, cart -> {
            if (!cart.holds(sku)) {
                throw new ResourceNotFoundException("cart items", sku);
            }
            return cart.without(List.of(sku), clock.instant());
        }));
    }

    void clear(String customerId) {
        change(customerId, cart -> cart.without(cart.items().stream().map(Cart.CartItem::sku).toList(), clock.instant()));
    }

    /**
     * Places the cart's items as one order (the same rules and Idempotency-Key as {@code POST /api/orders}), then
     * takes the ordered SKUs out of the cart; anything added meanwhile stays.
     */
    Placement checkout(String customerId, Checkout checkout, String idempotencyKey) {
        var placed = intake.placedWith(customerId, idempotencyKey);
        if (placed.isPresent()) {
            return new Placement(placed.get(), true);
        }
        Cart cart = find(customerId);
        if (cart.items().isEmpty()) {
            throw InvalidRequestException.of("items", "the cart is empty");
        }
        List<NewOrderLine> lines = cart.items().stream().map(i -> new NewOrderLine(i.sku(), i.quantity())).toList();
        Placement placement = intake.place(customerId, new NewOrder(lines, checkout.deliveryAddressId()), idempotencyKey);
        List<String> ordered = placement.order().lines().stream().map(l -> l.sku()).toList();
        change(customerId, c -> c.without(ordered, clock.instant()));
        return placement;
    }

    private Cart find(String customerId) {
        Cart cart = mongo.findById(customerId, Cart.class);
        return cart == null ? Cart.empty(customerId) : cart;
    }

    /** Applies the change to the current cart and writes it unless another write came first (then again); the written cart. */
    private Cart change(String customerId, UnaryOperator<Cart> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Cart current = find(customerId);
            Cart changed = change.apply(current);
            if (current.version() == 0) {
                try {
                    return mongo.insert(changed);
                } catch (DuplicateKeyException createdMeanwhile) {
                    continue;
                }
            }
            Query unchanged = Query.query(Criteria.where("_id").is(customerId).and("version").is(current.version()));
            if (mongo.findAndReplace(unchanged, changed) != null) {
                return changed;
            }
        }
        throw new ConflictException("The cart is being changed by another request; try again.");
    }
}
