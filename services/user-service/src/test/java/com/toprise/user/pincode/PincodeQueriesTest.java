package com.toprise.user.pincode;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.IndexedMongo;
import com.toprise.schemas.geo.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, changing (centroids too), reading and listing pincodes (by code, city, state) on the indexed store. */
class PincodeQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("users");

    @Test
    void pincodesAreKeptReadAndListedInEachSort() {
        PincodeController controller = new PincodeController(store.repository(PincodeRepository.class),
                new OutboxWriter(store.template()));
        controller.create(new NewPincode("560001", "Bengaluru", "Karnataka", true, null, null));
        controller.create(new NewPincode("400001", "Mumbai", "Maharashtra", true, 18.9388, 72.8354));
        controller.change("400001", new PincodeChange("Mumbai", "Maharashtra", false, null, null));

        assertThat(controller.get("400001").serviceable()).isFalse();
        assertThat(controller.get("400001").centroid()).as("a change without coordinates keeps the centroid")
                .isEqualTo(new GeoPoint(18.9388, 72.8354));
        assertThat(controller.get("560001").centroid()).isNull();
        controller.change("560001", new PincodeChange("Bengaluru", "Karnataka", true, 12.9716, 77.5946));
        assertThat(controller.get("560001").centroid()).isEqualTo(new GeoPoint(12.9716, 77.5946));
        for (String field : new String[] {"code", "city", "state"}) {
            assertThat(controller.list(new PageQuery(0, 20, field, Direction.ASC)).items()).hasSize(2);
        }
    }
}
