package io.gongkai.intake.rest;

import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.api.QueryParameters;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.api.AuditPage;
import io.gongkai.intake.model.AuditRecord;
import io.gongkai.intake.service.AuditService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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


@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
@Tag(name = "Audit", description = "Every write attempt, accepted, replayed or rejected (auditors only)")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Search the audit trail", description = "Write attempts, newest first, optionally of one unit,"
            + " within [from, to) and with one outcome. Records are never changed or removed.")
    @APIResponse(responseCode = "200", description = "A page of audit records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid query parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage search(@QueryParam("unitCode") @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String unitCode,
            @Parameter(description = "ISO-8601 date-time with offset, inclusive", schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 date-time with offset, exclusive", schema = @Schema(type = SchemaType.STRING,
                    format = "date-time")) @QueryParam("to") String to,
            @Parameter(schema = @Schema(implementation = AuditRecord.Outcome.class)) @QueryParam("outcome") String outcome,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.search(unitCode, QueryParameters.instant("from", from),
                QueryParameters.instant("to", to),
                QueryParameters.constant("outcome", outcome, AuditRecord.Outcome.class), page, size);
    }
}
