package com.toprise.order.wishlist;

import jakarta.validation.constraints.Size;

/** An optional note to oneself ("for the Swift, check fitment"). */
record WishlistEntry(@Size(max = 200) String note) {
}
