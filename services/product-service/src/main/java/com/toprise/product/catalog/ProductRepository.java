package com.toprise.product.catalog;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProductRepository extends MongoRepository<Product, String> {

    boolean existsBySku(String sku);
}
