package com.toprise.user.address;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AddressRepository extends MongoRepository<Address, String> {

    Page<Address> findByUserId(String userId, Pageable pageable);

    long countByUserId(String userId);
}
