package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.api.UnitDetail;
import io.gongkai.aggregation.api.UnitSummary;
import io.gongkai.aggregation.service.HierarchyService;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.AUDITOR, Roles.ADMIN})
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Units", description = "The hierarchy: nation (CN), provinces, cities, counties/districts, townships, and departments registered from their submissions")
public class UnitResource {

    private final HierarchyService hierarchy;

    public UnitResource(HierarchyService hierarchy) {
        this.hierarchy = hierarchy;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A unit, its ancestors and its children")
    @APIResponse(responseCode = "200", description = "The unit")
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitDetail unit(@Parameter(description = "CN, a division code or a department's code", example = "640402")
            @PathParam("code") String code) {
        return hierarchy.detail(code);
    }

    @GET
    @Operation(summary = "The units directly below a unit", description = "Without parent: the top of the hierarchy (CN).")
    @APIResponse(responseCode = "200", description = "The units, by code")
    @APIResponse(responseCode = "404", description = "No unit with the parent's code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<UnitSummary> children(@Parameter(description = "The parent's code", example = "6404")
            @QueryParam("parent") String parent) {
        return hierarchy.children(parent);
    }
}
