package com.toprise.user.pincode;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PincodeRepository extends MongoRepository<Pincode, String> {
}
