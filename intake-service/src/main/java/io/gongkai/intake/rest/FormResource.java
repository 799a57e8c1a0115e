package io.gongkai.intake.rest;

import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.intake.api.FormSummary;
import io.gongkai.intake.api.FormView;
import io.gongkai.contracts.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;

@Path("/api/v1/forms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.AUDITOR, Roles.SUBMITTER, Roles.ADMIN, Roles.SERVICE})
@Tag(name = "Forms", description = "The national forms: cells, official labels, units and rules of each version")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FormResource {

    @GET
    @Operation(summary = "The form versions, each with the report years that use it by default")
    @APIResponse(responseCode = "200", description = "Every form version, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = FormSummary.class)))
    public List<FormSummary> forms() {
        return Forms.all().stream().sorted(Comparator.comparingInt(FormDefinition::firstReportYear))
                .map(FormSummary::of).toList();
    }

    @GET
    @Path("{version}")
    @Operation(summary = "A form version's definition")
    @APIResponse(responseCode = "200", description = "The form",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormView.class)))
    @APIResponse(responseCode = "404", description = "No such form version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FormView form(@PathParam("version") String version) {
        return Forms.byVersion(version).map(FormView::of)
                .orElseThrow(() -> new NotFoundException("no form version " + version));
    }
}
