package com.toprise.order.cart;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.order.order.NewOrderLine;
import com.toprise.order.order.Order;
import com.toprise.order.order.OrderResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own cart. */
@RestController
@RequestMapping("/api/cart")
@ProtectedResource("carts")
@Validated
class CartController {

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping
    CartView get(Access access) {
        return carts.view(access.userId());
    }

    /** Adds the SKU or changes its quantity. */
    @PutMapping("/items/{sku}")
    CartView put(@PathVariable @Pattern(regexp = NewOrderLine.SKU, message = "is not a SKU") String sku,
                 @Valid @RequestBody CartQuantity quantity, Access access) {
        return carts.setQuantity(access.userId(), sku, quantity.quantity());
    }

    @DeleteMapping("/items/{sku}")
    CartView remove(@PathVariable @Pattern(regexp = NewOrderLine.SKU, message = "is not a SKU") String sku, Access access) {
        return carts.remove(access.userId(), sku);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(Access access) {
        carts.clear(access.userId());
    }

    /** The cart becomes an order: answered like {@code POST /api/orders}. */
    @PostMapping("/checkout")
    ResponseEntity<Order> checkout(@RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                   @Valid @RequestBody Checkout checkout, Access access) {
        return OrderResponses.of(carts.checkout(access.userId(), checkout, idempotencyKey));
    }
}
