package com.toprise.schemas.queries;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One SKU's on-hand, reserved and available units over its dealers: the inventory topology's query server answers
 * {@code GET /inventory/{sku}} with it and product-service reads it and serves it at {@code /api/inventory/{sku}},
 * so the two sides of that HTTP contract are one type. {@code available} is the sum of the dealers' available
 * units, not onHand - reserved of the sums: a dealer whose count fell below what it had reserved has 0 available,
 * and must not hide another dealer's units.
 *
 * @param dealers by dealerId
 */
// a newer topology may add fields; an older product-service still reads the answer
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryAvailability(String sku, long onHand, long reserved, long available,
                                    List<DealerAvailability> dealers) {

    public InventoryAvailability {
        dealers = List.copyOf(dealers);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DealerAvailability(String dealerId, long onHand, long reserved, long available) {
    }

    /** The SKU over these dealers, ordered by dealerId, with the totals summed; empty when there are none. */
    public static Optional<InventoryAvailability> over(String sku, Collection<DealerAvailability> dealers) {
        if (dealers.isEmpty()) {
            return Optional.empty();
        }
        List<DealerAvailability> sorted = dealers.stream()
                .sorted(Comparator.comparing(DealerAvailability::dealerId)).toList();
        return Optional.of(new InventoryAvailability(sku,
                sorted.stream().mapToLong(DealerAvailability::onHand).sum(),
                sorted.stream().mapToLong(DealerAvailability::reserved).sum(),
                sorted.stream().mapToLong(DealerAvailability::available).sum(), sorted));
    }

    /** The SKU over one dealer's row only, with totals over it; empty when that dealer has no stock row for it. */
    public Optional<InventoryAvailability> ofDealer(String dealerId) {
        return over(sku, dealers.stream().filter(d -> d.dealerId().equals(dealerId)).toList());
    }
}
