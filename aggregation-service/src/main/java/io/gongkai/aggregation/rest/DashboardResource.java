package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.api.DashboardSettings;
import io.gongkai.aggregation.api.FormFigures;
import io.gongkai.aggregation.service.DashboardService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the dashboard page (GET /) reads before and besides the API: how to sign in, and how to read a form's totals.
 * Public, like the page itself: nothing here is data about any unit. Not part of the API contract.
 */
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DashboardResource {

    private final DashboardService dashboard;

    public DashboardResource(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    @Path("/config.json")
    @Operation(hidden = true)
    public Response settings() {
        return Response.ok(dashboard.settings()).cacheControl(CacheControl.valueOf("no-cache")).build();
    }

    @GET
    @Path("/forms/{version}.json")
    @Operation(hidden = true)
    public Response form(@PathParam("version") String version) {
        FormFigures form = dashboard.form(version).orElseThrow(() -> new NotFoundException("no form version " + version));
        // A form's figures change only with a new release of the service.
        return Response.ok(form).cacheControl(CacheControl.valueOf("max-age=3600")).build();
    }
}
