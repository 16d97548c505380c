package com.toprise.order.wishlist;

import com.toprise.common.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wishlist's cap and its kept items, without a database. */
class WishlistTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aNewSkuIsAddedWhileThereIsRoom() {
        WishlistItem item = new Wishlist("c-1", Wishlist.MAX_ITEMS - 1).add("BRK-PAD-001", "for the Swift", NOW);
        assertThat(item).isEqualTo(new WishlistItem("c-1|BRK-PAD-001", "c-1", "BRK-PAD-001", "for the Swift", NOW));
    }

    @Test
    void aFullWishlistRefusesANewSkuWith409() {
        assertThat(Wishlist.MAX_ITEMS).isEqualTo(200);
        assertThatThrownBy(() -> new Wishlist("c-1", Wishlist.MAX_ITEMS).add("BRK-PAD-001", null, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("A wishlist holds at most 200 items.");
        assertThatThrownBy(() -> new Wishlist("c-1", Wishlist.MAX_ITEMS + 5).add("BRK-PAD-001", null, NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aKeptItemGetsItsNewNoteAndKeepsWhenItWasAdded() {
        Instant added = NOW.minusSeconds(86_400);
        WishlistItem kept = new WishlistItem("c-1|BRK-PAD-001", "c-1", "BRK-PAD-001", "old note", added);
        assertThat(Wishlist.renoted(kept, "new note"))
                .isEqualTo(new WishlistItem("c-1|BRK-PAD-001", "c-1", "BRK-PAD-001", "new note", added));
    }
}
