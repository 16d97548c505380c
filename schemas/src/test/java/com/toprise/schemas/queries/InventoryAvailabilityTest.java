package com.toprise.schemas.queries;

import com.toprise.schemas.queries.InventoryAvailability.DealerAvailability;
import com.toprise.schemas.serde.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The availability answer the topology writes and product-service reads. */
class InventoryAvailabilityTest {

    private static final DealerAvailability D1 = new DealerAvailability("d-1", 5, 1, 4);
    private static final DealerAvailability D2 = new DealerAvailability("d-2", 2, 3, 0);

    @Test
    void totalsAreTheDealersSumsWithDealersByIdAndNoDealersIsNoAnswer() {
        InventoryAvailability found = InventoryAvailability.over("BRK-1", List.of(D2, D1)).orElseThrow();

        assertThat(found).isEqualTo(new InventoryAvailability("BRK-1", 7, 4, 4, List.of(D1, D2)));
        assertThat(InventoryAvailability.over("BRK-1", List.of())).isEmpty();
    }

    @Test
    void oneDealersViewHasItsRowAndTotalsOnly() {
        InventoryAvailability found = InventoryAvailability.over("BRK-1", List.of(D1, D2)).orElseThrow();

        assertThat(found.ofDealer("d-2")).contains(new InventoryAvailability("BRK-1", 2, 3, 0, List.of(D2)));
        assertThat(found.ofDealer("d-9")).isEmpty();
    }

    @Test
    void theJsonReadsBackAndUnknownFieldsOfANewerWriterAreIgnored() throws Exception {
        InventoryAvailability found = InventoryAvailability.over("BRK-1", List.of(D1)).orElseThrow();
        byte[] json = Json.MAPPER.writeValueAsBytes(found);

        assertThat(Json.MAPPER.readValue(json, InventoryAvailability.class)).isEqualTo(found);
        String newer = "{\"sku\":\"BRK-1\",\"onHand\":5,\"reserved\":1,\"available\":4,\"warehouse\":\"w\","
                + "\"dealers\":[{\"dealerId\":\"d-1\",\"onHand\":5,\"reserved\":1,\"available\":4,\"eta\":3}]}";
        assertThat(Json.MAPPER.readValue(newer, InventoryAvailability.class)).isEqualTo(found);
    }
}
