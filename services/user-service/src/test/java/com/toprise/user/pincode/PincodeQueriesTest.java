package com.toprise.user.pincode;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.IndexedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, changing, reading and listing pincodes (by code, city and state), on the indexed store. */
class PincodeQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("users");

    @Test
    void pincodesAreKeptReadAndListedInEachSort() {
        PincodeController controller = new PincodeController(store.repository(PincodeRepository.class),
                new OutboxWriter(store.template()));
        controller.create(new NewPincode("560001", "Bengaluru", "Karnataka", true));
        controller.create(new NewPincode("400001", "Mumbai", "Maharashtra", true));
        controller.change("400001", new PincodeChange("Mumbai", "Maharashtra", false));

        assertThat(controller.get("400001").serviceable()).isFalse();
        for (String field : new String[] {"code", "city", "state"}) {
            assertThat(controller.list(new PageQuery(0, 20, field, Direction.ASC)).items()).hasSize(2);
        }
    }
}
