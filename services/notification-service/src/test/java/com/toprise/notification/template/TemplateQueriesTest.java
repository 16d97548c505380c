package com.toprise.notification.template;

import com.toprise.common.paging.PageQuery;
import com.toprise.common.test.IndexedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating templates, a read and the list by code and by channel, on the indexed store. */
class TemplateQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("notifications");

    @Test
    void templatesAreCreatedReadAndListedByCodeOrChannel() {
        TemplateController controller = new TemplateController(store.repository(TemplateRepository.class));
        controller.create(new NewTemplate("ORDER_CONFIRMED", Channel.SMS, null, "Your order is confirmed."));
        controller.create(new NewTemplate("ORDER_SHIPPED", Channel.EMAIL, "Shipped", "Your order is on its way."));

        assertThat(controller.get("ORDER_SHIPPED").channel()).isEqualTo(Channel.EMAIL);
        assertThat(controller.list(new PageQuery(0, 20, "code", Direction.ASC)).items()).hasSize(2);
        assertThat(controller.list(new PageQuery(0, 20, "channel", Direction.ASC)).items())
                .extracting(Template::code).containsExactly("ORDER_SHIPPED", "ORDER_CONFIRMED");
    }
}
