package com.toprise.product.brand;

import org.springframework.data.mongodb.repository.MongoRepository;

interface BrandRepository extends MongoRepository<Brand, String> {
}
