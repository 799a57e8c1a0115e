package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.DashboardSettings;
import io.gongkai.aggregation.api.FormFigures;
import io.gongkai.aggregation.config.DashboardConfig;
import io.gongkai.aggregation.config.ReportingConfig;
import io.gongkai.contracts.form.Forms;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Year;
import java.util.Optional;
import java.util.stream.Stream;

/** The dashboard page's settings, and the figures it reads from each form's totals. */
@Startup
@ApplicationScoped
public class DashboardService {

    private final DashboardConfig config;
    private final ReportingConfig reporting;
    private final HeadlineFigures figures;
    private final DashboardSettings.Oidc oidc;

    public DashboardService(DashboardConfig config, ReportingConfig reporting, HeadlineFigures figures) {
        this.config = config;
        this.reporting = reporting;
        this.figures = figures;
        this.oidc = oidc(config.oidc());
        if (config.trendYears() < 1 || config.trendYears() > TrendRange.MAX_YEARS) {
            throw new IllegalStateException("gongkai.dashboard.trend-years must be 1 to " + TrendRange.MAX_YEARS);
        }
    }

    /** A half-configured provider is a mistake worth failing the start for: the page would offer a broken sign-in. */
    private static DashboardSettings.Oidc oidc(DashboardConfig.Oidc oidc) {
        long set = Stream.of(oidc.authorizationEndpoint(), oidc.tokenEndpoint(), oidc.clientId()).filter(Optional::isPresent).count();
        if (set == 0) {
            return null;
        }
        if (set < 3) {
            throw new IllegalStateException("gongkai.dashboard.oidc needs all of authorization-endpoint, token-endpoint "
                    + "and client-id, or none of them");
        }
        return new DashboardSettings.Oidc(absolute(oidc.authorizationEndpoint().get()), absolute(oidc.tokenEndpoint().get()),
                oidc.clientId().get(), oidc.scope());
    }

    private static String absolute(URI endpoint) {
        if (!endpoint.isAbsolute() || !Stream.of("https", "http").anyMatch(endpoint.getScheme()::equalsIgnoreCase)) {
            throw new IllegalStateException("gongkai.dashboard.oidc endpoints must be absolute http(s) URLs, not " + endpoint);
        }
        return endpoint.toString();
    }

    public DashboardSettings settings() {
        int thisYear = Year.now(reporting.zone()).getValue();
        return new DashboardSettings(new DashboardSettings.SignIn(config.localSignIn(), oidc),
                AggregateService.FIRST_REPORT_YEAR, Math.max(AggregateService.FIRST_REPORT_YEAR, thisYear - 1), thisYear,
                Math.max(1, config.pollInterval().toSeconds()), config.trendYears(),
                Forms.all().stream().map(f -> new DashboardSettings.Form(f.version(), f.firstReportYear())).toList());
    }

    public Optional<FormFigures> form(String version) {
        return figures.forVersion(version);
    }
}
