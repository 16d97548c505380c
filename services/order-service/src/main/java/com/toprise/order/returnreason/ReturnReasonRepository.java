package com.toprise.order.returnreason;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReturnReasonRepository extends MongoRepository<ReturnReason, String> {
}
