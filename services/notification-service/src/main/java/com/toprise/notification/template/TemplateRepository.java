package com.toprise.notification.template;

import org.springframework.data.mongodb.repository.MongoRepository;

interface TemplateRepository extends MongoRepository<Template, String> {
}
