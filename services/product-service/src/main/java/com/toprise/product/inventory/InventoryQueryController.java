package com.toprise.product.inventory;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.queries.InventoryAvailability;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SKU's live availability (on hand, reserved for orders, available) per dealer, answered by the inventory
 * topology's store. {@code /api/inventory/stock...} stays StockController's: a literal path wins over
 * {@code /{sku}}, so a SKU named "stock" cannot be read here.
 */
@RestController
@RequestMapping("/api/inventory")
@ProtectedResource("inventory")
class InventoryQueryController {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final InventoryQueryClient topology;

    InventoryQueryController(InventoryQueryClient topology) {
        this.topology = topology;
    }

    /** A dealer (scope OWN) sees its own row and totals over it only; someone else's stock answers 404. */
    @GetMapping("/{sku}")
    InventoryAvailability get(@PathVariable String sku, Access access) {
        if (!SKU.matcher(sku).matches()) {
            throw InvalidRequestException.of("sku", "must be a SKU (1-64 letters, digits, '.', '_' or '-')");
        }
        return topology.find(sku)
                .flatMap(found -> access.seesAll() ? Optional.of(found) : found.ofDealer(access.userId()))
                .orElseThrow(() -> new ResourceNotFoundException("inventory", sku));
    }
}
