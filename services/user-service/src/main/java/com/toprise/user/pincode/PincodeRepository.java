package com.toprise.user.pincode;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PincodeRepository extends MongoRepository<Pincode, String> {
}
