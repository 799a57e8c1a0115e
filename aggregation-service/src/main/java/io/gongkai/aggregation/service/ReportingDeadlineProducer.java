package io.gongkai.aggregation.service;

import io.gongkai.aggregation.config.ReportingConfig;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

public class ReportingDeadlineProducer {

    @Produces
    @Singleton
    ReportingDeadline deadline(ReportingConfig config) {
        return new ReportingDeadline(config.deadline(), config.zone());
    }
}
