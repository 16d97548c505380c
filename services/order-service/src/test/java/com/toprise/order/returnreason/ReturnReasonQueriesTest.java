package com.toprise.order.returnreason;

import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.IndexedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/** The return-reason list by each of its sorts, a read and a create, on the indexed store. */
class ReturnReasonQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("orders");

    @Test
    void reasonsAreCreatedReadAndListedByCodeOrLabel() {
        ReturnReasonController controller = new ReturnReasonController(store.repository(ReturnReasonRepository.class));
        controller.create(new NewReturnReason("WRONG_FITMENT", "Does not fit", false));
        controller.create(new NewReturnReason("DAMAGED", "Damaged in transit", true));

        assertThat(controller.get("DAMAGED").requiresPhoto()).isTrue();
        assertThat(controller.list(new PageQuery(0, 20, "code", Direction.ASC)).items())
                .extracting(ReturnReason::code).containsExactly("DAMAGED", "WRONG_FITMENT");
        assertThat(controller.list(new PageQuery(0, 20, "label", Direction.DESC)).items())
                .extracting(ReturnReason::code).containsExactly("WRONG_FITMENT", "DAMAGED");
    }
}
