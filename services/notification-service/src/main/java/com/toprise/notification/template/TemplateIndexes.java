package com.toprise.notification.template;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/** The indexes of {@code templates}: keyed by code; the list sorts by code ({@code _id}) or channel. */
@Component
class TemplateIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("templates")
                .index("the list by channel", asc("channel"));
    }
}
