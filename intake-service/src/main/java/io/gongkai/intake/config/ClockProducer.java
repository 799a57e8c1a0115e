package io.gongkai.intake.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

public class ClockProducer {

    /** Report years and deadlines are reckoned in China Standard Time. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
