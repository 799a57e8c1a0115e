package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.api.UnitDetail;
import io.gongkai.aggregation.api.UnitMatches;
import io.gongkai.aggregation.api.UnitPage;
import io.gongkai.aggregation.service.HierarchyService;
import io.gongkai.aggregation.service.PageRequest;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.api.QueryParameters;
import io.gongkai.contracts.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(summary = "A unit, its ancestors and how many units are below it")
    @APIResponse(responseCode = "200", description = "The unit")
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitDetail unit(@Parameter(description = "CN, a division code or a department's code", example = "640402")
            @PathParam("code") String code) {
        return hierarchy.detail(code);
    }

    @GET
    @Path("/search")
    @Operation(summary = "Find units by name or code",
            description = "Units whose name contains q or whose code starts with it (a department's code in any case), "
                    + "at most " + HierarchyService.MAX_SEARCH_RESULTS + ": the nation first, then provinces, cities, "
                    + "counties, townships and departments, each level by code. q is matched literally (% and _ are "
                    + "plain characters).")
    @APIResponse(responseCode = "200", description = "The units found, possibly none")
    @APIResponse(responseCode = "400", description = "q missing, blank or longer than " + HierarchyService.MAX_SEARCH_LENGTH
            + " characters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitMatches search(@Parameter(description = "Part of a unit's name, or the start of its code", required = true,
            example = "原州") @QueryParam("q") String q) {
        return hierarchy.search(q);
    }

    @GET
    @Operation(summary = "The units directly below a unit, a page at a time",
            description = "By code, in pages of at most 500 (default 100); total says how many there are. "
                    + "Without parent: the top of the hierarchy (CN).")
    @APIResponse(responseCode = "200", description = "The units")
    @APIResponse(responseCode = "400", description = "page or size not a number or out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit with the parent's code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitPage children(@Parameter(description = "The parent's code", example = "6404") @QueryParam("parent") String parent,
            @Parameter(description = "Zero-based page index", schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0",
                    minimum = "0", maximum = "" + PageRequest.MAX_PAGE)) @QueryParam("page") String page,
            @Parameter(description = "Units per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "100",
                    minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        PageRequest request = hierarchy.unitsPage(QueryParameters.wholeNumber("page", page), QueryParameters.wholeNumber("size", size));
        return hierarchy.children(parent, request);
    }
}
