package com.toprise.product.inventory;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.audit.AuditFilter;
import com.toprise.common.paging.MongoPages;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.topics.Topics;
import jakarta.validation.Valid;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dealers' physical stock: Inventory-Admin adjusts any dealer's, a dealer (scope OWN) only its own. What is reserved
 * for orders and still available is the inventory topology's answer, not this one's.
 */
@RestController
@RequestMapping("/api/inventory/stock")
@ProtectedResource("inventory")
class StockController {

    private final StockLedger ledger;
    private final MongoTemplate mongo;

    StockController(StockLedger ledger, MongoTemplate mongo) {
        this.ledger = ledger;
        this.mongo = mongo;
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    StockView adjust(@Valid @RequestBody NewAdjustment request, Access access) {
        String id = Topics.inventoryKey(request.sku(), request.dealerId());
        access.checkOwner(request.dealerId(), id);
        AuditFilter.recordId(id);
        return StockView.of(ledger.adjust(request, access.userId(), access.role()));
    }

    @GetMapping("/{sku}/{dealerId}")
    StockView get(@PathVariable String sku, @PathVariable String dealerId, Access access) {
        String id = Topics.inventoryKey(sku, dealerId);
        access.checkOwner(dealerId, id);
        DealerStock stock = mongo.findById(id, DealerStock.class);
        if (stock == null) {
            throw new ResourceNotFoundException("inventory", id);
        }
        return StockView.of(stock);
    }

    /** Stock by SKU and/or dealer; a dealer sees its own only. */
    @GetMapping
    PageResponse<StockView> list(@RequestParam(required = false) String sku, @RequestParam(required = false) String dealerId,
                                 @Sortable(value = {"sku", "dealerId", "onHand"}, defaultSort = "sku,asc") PageQuery page,
                                 Access access) {
        Criteria criteria = new Criteria();
        if (sku != null) {
            criteria.and("sku").is(sku);
        }
        String dealer = access.seesAll() ? dealerId : access.userId();
        if (dealer != null) {
            criteria.and("dealerId").is(dealer);
        }
        return PageResponse.of(MongoPages.find(mongo, Query.query(criteria), DealerStock.class, page), StockView::of);
    }
}
