package com.toprise.order.wishlist;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.order.order.NewOrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's wishlist: SKUs kept for later, any catalog status (a Draft part may go Live next week). */
@RestController
@RequestMapping("/api/wishlist")
@ProtectedResource("wishlist")
@Validated
class WishlistController {

    private final Wishlists wishlists;

    WishlistController(Wishlists wishlists) {
        this.wishlists = wishlists;
    }

    @GetMapping
    PageResponse<WishlistView> list(Access access,
                                    @Sortable(value = {"addedAt", "sku"}, defaultSort = "addedAt,desc") PageQuery page) {
        return wishlists.list(access.userId(), page);
    }

    /** Adds the SKU, or changes its note; idempotent. */
    @PutMapping("/{sku}")
    WishlistView put(@PathVariable @Pattern(regexp = NewOrderLine.SKU, message = "is not a SKU") String sku,
                     @Valid @RequestBody(required = false) WishlistEntry entry, Access access) {
        return wishlists.put(access.userId(), sku, entry == null ? null : entry.note());
    }

    @DeleteMapping("/{sku}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @Pattern(regexp = NewOrderLine.SKU, message = "is not a SKU") String sku, Access access) {
        wishlists.remove(access.userId(), sku);
    }
}
